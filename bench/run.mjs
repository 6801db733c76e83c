// `npm run bench`: bundles the TypeScript harness (Node 20 has no type stripping) two levels
// below the repository root, where its test-support paths and external packages resolve, and runs it.
import { build } from "esbuild";
import { bundleBench } from "./bundle-bench.mjs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = await bundleBench(["bench/run-benchmarks.ts", "bench/in-process-case.ts"]);
// The floor scripts are CommonJS like the CLI, so neither pays the ESM loader.
await build({
  entryPoints: [join(root, "bench/floor/docx-library-floor.ts"), join(root, "bench/floor/docx-read-floor.ts")],
  outdir: join(outdir, "floor"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(join(outdir, "run-benchmarks.mjs")).href);
await main(join(outdir, "in-process-case.mjs"), join(outdir, "floor"));
