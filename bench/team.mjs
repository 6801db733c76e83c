// `npm run bench:team`: the team server under load (bench/team-load.ts), bundled like `npm run bench`
// two levels below the repository root so its test-support paths resolve. Loopback only.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "node_modules", ".nianbao-bench");
await build({
  entryPoints: [join(root, "bench/team-load.ts")],
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const { main } = await import(pathToFileURL(join(outdir, "team-load.mjs")).href);
await main();
