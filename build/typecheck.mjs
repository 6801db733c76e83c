// One `tsc -p` per layer: each layer has its own `lib`/`types`, which is what keeps DOM and
// Node globals out of core (docs/architecture.md §2.2).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const projects = ["core", "core/schema", "core/collab", "host", "electron", "renderer", "test"];
let failed = false;
for (const project of projects) {
  const config = `${project}/tsconfig.json`;
  if (!existsSync(config)) continue;
  const hasSources = readdirSync(project, { recursive: true }).some((f) => /\.tsx?$/.test(String(f)));
  if (!hasSources) continue;
  const result = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", config], { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`typecheck failed: ${config}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
