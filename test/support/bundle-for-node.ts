import { build } from "esbuild";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";

const cacheDir = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "nianbao-test");

/**
 * Bundles a TypeScript entry so a child `node` process can run it (Node 20 has no type
 * stripping). The bundle lives under node_modules so its external packages resolve.
 */
export async function bundleForNode(entry: string): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const outfile = join(mkdtempSync(join(cacheDir, "bundle-")), "entry.mjs");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "error",
  });
  return outfile;
}
