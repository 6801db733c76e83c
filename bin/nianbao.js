#!/usr/bin/env node
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "错误：年报尚未构建，请先在仓库根目录运行 npm install（或 npm run build）。\n" +
      "Error: Nianbao is not built yet; run `npm install` (or `npm run build`) in the repository root.\n",
  );
  process.exit(2);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
});
