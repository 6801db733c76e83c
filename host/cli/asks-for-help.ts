const HELP_FLAGS: ReadonlySet<string> = new Set(["--help", "-h"]);

/** `--help` or `-h`, wherever it stands after the command's name. */
export function isHelpFlag(arg: string): boolean {
  return HELP_FLAGS.has(arg);
}

/** True when the run only prints usage (`nianbao`, `nianbao help`, `nianbao export -h`) and does no command's work. */
export function asksForHelp(argv: readonly string[]): boolean {
  const [name, ...rest] = argv;
  return name === undefined || name === "help" || isHelpFlag(name) || rest.some(isHelpFlag);
}
