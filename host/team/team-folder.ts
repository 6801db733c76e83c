import { createHash } from "node:crypto";
import { join } from "node:path";

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
