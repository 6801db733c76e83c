import { isAbsolute, resolve } from "node:path";

const REPORT_FILE = /\.nianbao$/i;

/**
 * The .nianbao a launch or a second instance was asked to open (Windows and Linux pass it in
 * argv; macOS sends open-file instead). Flags and the app path itself are skipped.
 */
export function reportPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith("-") || !REPORT_FILE.test(arg)) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
