import type { CliCommand } from "../command";

/** Every command listed here works end to end; `--help` prints exactly this list. */
export const commands: readonly CliCommand[] = [
  {
    name: "new",
    summary: "按模板新建空白报告 / create a blank report from a template",
    usage: "nianbao new --template <id> --org <发文机关> --year <YYYY> -o <file.nianbao> [--force]",
    load: () => import("./new-command"),
  },
  {
    name: "inspect",
    summary: "查看报告的结构和字段 / show a report's structure and fields",
    usage: "nianbao inspect <file> [--json]",
    load: () => import("./inspect-command"),
  },
  {
    name: "serve",
    summary: "以浏览器模式启动年报（仅本机） / start browser mode on this machine only",
    usage: "nianbao serve [--open] [--port <n>] [--dir <报告文件夹>]… [--state-dir <dir>]",
    load: () => import("./serve-command"),
  },
];
