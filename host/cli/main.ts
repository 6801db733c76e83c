import { z } from "zod";
import { commands } from "./commands/index";
import { isHelpFlag } from "./asks-for-help";
import { EXIT_ERROR, EXIT_OK, printError, type CliIo } from "./cli-io";

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "年报 Nianbao — 法治政府建设年度报告 / annual rule-of-law government report",
    "",
    "用法 Usage: nianbao <command> [options]",
    "",
    "命令 Commands:",
    ...lines,
    "",
    "nianbao <command> --help 查看命令的用法 / shows a command's usage.",
    "",
  ].join("\n");
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || isHelpFlag(name)) {
    io.out(helpText());
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`错误：未知命令“${name}”。\nError: unknown command "${name}".\n\n${helpText()}`);
    return EXIT_ERROR;
  }
  if (rest.some(isHelpFlag)) {
    io.out(`${command.summary}\n\n用法 Usage: ${command.usage}\n`);
    return EXIT_OK;
  }
  // A one-shot command validates each schema a few times at most: zod's generated validators cost
  // more to compile than they save there, and the CLI's code cache cannot hold code made by
  // `new Function`. A server validates every request and keeps them.
  if (command.longRunning !== true) z.config({ jitless: true });
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (error) {
    printError(io, error);
    return EXIT_ERROR;
  }
}
