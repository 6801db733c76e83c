import { homedir } from "node:os";
import { join } from "node:path";

/** Where recent files and autosave copies live when no --state-dir is given. */
export function defaultStateDir(env: Record<string, string | undefined>): string {
  const explicit = env["NIANBAO_STATE_DIR"];
  if (explicit !== undefined && explicit !== "") return explicit;
  if (process.platform === "win32") return join(env["APPDATA"] ?? join(homedir(), "AppData", "Roaming"), "Nianbao");
  return join(env["XDG_CONFIG_HOME"] ?? join(homedir(), ".config"), "nianbao");
}

/** The reports folder browser mode offers when the user names none with --dir. */
export function defaultReportsDir(): string {
  return join(homedir(), "Documents", "年报");
}
