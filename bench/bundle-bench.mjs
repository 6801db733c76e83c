// Bundles TypeScript harness entry points (Node 20 has no type stripping) two levels below the
// repository root, where their test-support paths and external packages resolve; returns the folder.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function bundleBench(entries) {
  const outdir = join(root, "node_modules", ".nianbao-bench");
  await build({
    entryPoints: entries.map((entry) => join(root, entry)),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  return outdir;
}
