#!/usr/bin/env node
"use strict";
// CommonJS on purpose: the ESM loader costs a cold start several milliseconds (see BENCHMARKS.md).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const launcher = join(__dirname, "..", "dist", "cli", "launch.cjs");
if (!existsSync(launcher)) {
  process.stderr.write(
    "错误：年报尚未构建，请先在仓库根目录运行 npm install（或 npm run build）。\n" +
      "Error: Nianbao is not built yet; run `npm install` (or `npm run build`) in the repository root.\n",
  );
  process.exit(2);
}
require(launcher)
  .launchCli(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`错误：程序内部错误。\nError: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
