#!/usr/bin/env node
// `npm start`: the Electron app when its binary is installed, otherwise browser mode served by
// the loopback host (the Electron binary cannot be downloaded on locked-down machines).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require("electron");
    return typeof path === "string" && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Ctrl+C or a kill reaches the app too: a browser-mode host left running would keep its uploads and port. */
function forwardSignals(child) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
}

const mainEntry = new URL("../dist/electron/main.cjs", import.meta.url);
const electron = electronBinary();
if (electron !== null && existsSync(mainEntry)) {
  const child = spawn(electron, ["."], { stdio: "inherit", cwd: new URL("..", import.meta.url) });
  forwardSignals(child);
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  const why = electron === null ? "未安装 Electron 程序（Electron binary not installed）" : "桌面外壳尚未构建（desktop shell not built）";
  process.stderr.write(`${why}：以浏览器模式启动 / starting browser mode.\n`);
  const cli = new URL("./nianbao.cjs", import.meta.url);
  // No token here: the host makes its own and hands the browser a one-time address.
  const child = spawn(process.execPath, [cli.pathname, "serve", "--open", ...process.argv.slice(2)], { stdio: "inherit" });
  forwardSignals(child);
  child.on("exit", (code) => process.exit(code ?? 0));
}
