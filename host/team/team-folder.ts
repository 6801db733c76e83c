import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";

/** Team state beside the reports: who may connect (hashed tokens) and each document's update logs. */
export const TEAM_DIR = ".nianbao-team";

export function usersFileOf(dir: string): string {
  return join(dir, TEAM_DIR, "users.json");
}

/** One folder per document, named by a hash of the document name so any file name is safe. */
export function logFolderOf(dir: string, documentName: string): string {
  const key = createHash("sha256").update(documentName).digest("hex").slice(0, 32);
  return join(dir, TEAM_DIR, "logs", key);
}

/** The team folder a command was given (`--dir`), which must exist. */
export async function existingTeamFolder(cwd: string, dir: string): Promise<string> {
  const path = resolve(cwd, dir);
  const info = await stat(path).catch(() => null);
  if (info === null || !info.isDirectory()) throw new NianbaoError("not_found", `找不到报告文件夹：${path}`, `no such folder: ${path}`);
  return path;
}
