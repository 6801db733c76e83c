// `npm run bench:team`: the team server under load (bench/team-load.ts). Loopback only.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleBench } from "./bundle-bench.mjs";

const outdir = await bundleBench(["bench/team-load.ts"]);
const { main } = await import(pathToFileURL(join(outdir, "team-load.mjs")).href);
await main();
