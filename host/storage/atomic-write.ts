import { randomBytes } from "node:crypto";
import { copyFile, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export interface AtomicWriteOptions {
  /** Keep the file being replaced as `<path>.bak`. */
  backup?: boolean;
  /** Called after the new content is durable and before it replaces the old file (tests stop here). */
  beforeRename?: () => Promise<void>;
}

/**
 * Replaces `path` so that at every instant the file on disk is either the old or the new
 * version: write a temp file in the same folder (same file system), fsync it, rename it over.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeDurably(tmp, data);
  try {
    if (options.backup === true) await backUp(path);
    await options.beforeRename?.();
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

async function writeDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, "wx", 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/** The backup is itself swapped in atomically, so a kill mid-copy never leaves a torn .bak. */
async function backUp(path: string): Promise<void> {
  const bakTmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.baktmp`);
  try {
    await copyFile(path, bakTmp);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  const handle = await open(bakTmp, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(bakTmp, backupPathOf(path));
}

async function syncDir(dir: string): Promise<void> {
  // Directory fsync makes the rename itself durable; Windows cannot open directories, and there
  // NTFS journals the rename anyway.
  if (process.platform === "win32") return;
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT";
}
