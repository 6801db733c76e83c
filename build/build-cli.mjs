// Bundles the Node entry points (CLI, loopback host) so that `npx nianbao` starts without a
// TypeScript loader: start-up time is part of what the CLI is measured on.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entryPoints = [join(root, "host/cli/main.ts")].filter((p) => existsSync(p));

await build({
  entryPoints,
  outdir: join(root, "dist/cli"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  chunkNames: "chunks/[name]-[hash]",
});
