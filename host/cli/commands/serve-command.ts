import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { startBrowserModeHost } from "../../http/start-browser-mode-host";
import { appRoot } from "../../paths";
import { defaultReportsDir, defaultStateDir } from "../../services/default-folders";
import { SYSTEM_DEPS } from "../../system-deps";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";
import { runUntilStopped } from "../run-until-stopped";

const USAGE = "nianbao serve [--open] [--port <n>] [--dir <报告文件夹>]… [--state-dir <dir>]";

const Args = z.object({
  open: z.boolean().default(false),
  port: z
    .string()
    .regex(/^\d{1,5}$/, "--port 须为端口号")
    .transform(Number)
    .refine((p) => p <= 65535, "--port 须为端口号")
    .optional(),
  dir: z.array(z.string().min(1)).default([]),
  "state-dir": z.string().min(1).optional(),
  positionals: z.array(z.string()).max(0, "多余的参数"),
});

/** Browser mode: the loopback host serving the renderer and the service contract until Ctrl+C. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    { open: { type: "boolean" }, port: { type: "string" }, dir: { type: "string", multiple: true }, "state-dir": { type: "string" } },
    Args,
    USAGE,
  );
  const rendererDir = join(appRoot(), "dist", "renderer");
  if (!existsSync(join(rendererDir, "index.html"))) {
    throw new NianbaoError("not_found", "界面尚未构建，请先运行 npm run build。", "the renderer is not built; run `npm run build` first");
  }
  const folders = opts.dir.length > 0 ? opts.dir.map((d) => resolve(io.cwd, d)) : [defaultReportsDir()];
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const stateDir = opts["state-dir"] === undefined ? defaultStateDir(io.env) : resolve(io.cwd, opts["state-dir"]);
  await mkdir(stateDir, { recursive: true });
  const host = await startBrowserModeHost({
    folders,
    stateDir,
    rendererDir,
    clock: SYSTEM_DEPS,
    appVersion: appVersion(),
    ...(opts.port === undefined ? {} : { port: opts.port }),
  });
  io.out(
    `年报已在浏览器模式下启动，请用浏览器打开（地址含一次性口令，请勿外传）：\n${host.url}\n` +
      `报告文件夹：${folders.join("、")}\n按 Ctrl+C 退出。\n` +
      `Nianbao browser mode: open ${host.url} (loopback only; Ctrl+C to stop)\n`,
  );
  // The browser gets a one-time address: the token must not be on xdg-open's command line.
  if (opts.open) openInBrowser(host.oneTimeUrl(), io);
  await runUntilStopped(() => host.close());
  return EXIT_OK;
}

function appVersion(): string {
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(join(appRoot(), "package.json"), "utf8")));
  return parsed.success ? parsed.data.version : "0.0.0";
}

function openInBrowser(url: string, io: CliIo): void {
  const [command, args] =
    process.platform === "win32"
      ? ["cmd", ["/c", "start", "", url]]
      : process.platform === "darwin"
        ? ["open", [url]]
        : ["xdg-open", [url]];
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  child.on("error", () =>
    io.err("未能自动打开浏览器，请手动打开上面的地址。\nCould not open a browser; open the address above by hand.\n"),
  );
  child.unref();
}
