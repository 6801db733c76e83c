import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { access, copyFile, open, readdir, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileError, NianbaoError } from "../../core/errors/nianbao-error";

export interface AtomicWriteOptions {
  /** Keep the file being replaced as `<path>.bak`. */
  backup?: boolean;
  /** Called after the new content is durable and before it replaces the old file (tests stop here). */
  beforeRename?: () => Promise<void>;
}

/** The hidden temp files a save of `name` makes beside it: `.<name>.<12 hex>.tmp`, `.baktmp`, and the lock's `.<name>.lock.<12 hex>`. */
const TEMP_SUFFIX = /^\.(?:[0-9a-f]{12}\.(?:tmp|baktmp)|lock\.[0-9a-f]{12})$/u;

/**
 * Replaces `path` so that at every instant the file on disk is either the old or the new
 * version: write a temp file in the same folder (same file system), fsync it, rename it over.
 * The new file keeps the old one's permission bits and (where the process may) its owner; a
 * read-only file is never replaced. Every failure is a Chinese message naming the file, and no
 * temp file outlives it.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const existing = await existingFile(path);
  const dir = dirname(path);
  const tmp = tempPathOf(path, "tmp");
  try {
    await writeDurably(tmp, data, existing);
  } catch (error) {
    throw fileError(error, path, "write");
  }
  try {
    if (options.backup === true && existing !== null) await backUp(path);
    await options.beforeRename?.();
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw fileError(error, path, "write");
  }
  await syncDir(dir).catch(() => undefined);
}

const LOCK_TEMP_GRACE_MS = 60_000;

async function olderThan(file: string, ms: number): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > ms;
}

export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

/**
 * Removes the temp files earlier saves of `path` left behind when they were killed. Only safe
 * while no other save of `path` is under way (the caller holds the report's lock, or checked that
 * nobody does).
 */
export async function removeStaleTemps(path: string): Promise<void> {
  const prefix = `.${basename(path)}`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const suffix = name.slice(prefix.length);
    if (!name.startsWith(prefix) || !TEMP_SUFFIX.test(suffix)) continue;
    const file = join(dirname(path), name);
    // A lock's temp file lives for an instant while another process takes the lock: deleting a young
    // one would make that process fail with "file not found" instead of waiting its turn.
    if (suffix.startsWith(".lock.") && !(await olderThan(file, LOCK_TEMP_GRACE_MS))) continue;
    await unlink(file).catch(() => undefined);
  }
}

function tempPathOf(path: string, kind: "tmp" | "baktmp"): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.${kind}`);
}

/** The file about to be replaced; refuses a folder, a device or a read-only file. */
async function existingFile(path: string): Promise<Stats | null> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    if (isCode(error, "ENOENT")) return null;
    throw fileError(error, path, "write");
  }
  if (info.isDirectory()) {
    throw new NianbaoError(
      "io_error",
      `无法写入：${path}（这是一个文件夹，不是文件）。请换一个文件名。`,
      `cannot write ${path}: it is a directory`,
    );
  }
  if (!info.isFile()) {
    throw new NianbaoError("io_error", `无法写入：${path}（这不是普通文件）。请换一个文件名。`, `cannot write ${path}: not a regular file`);
  }
  // The mode bits are checked as well as access(): as root, access() allows writing any file.
  const readOnly =
    (info.mode & 0o200) === 0 ||
    !(await access(path, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (readOnly) {
    throw new NianbaoError(
      "forbidden",
      `文件为只读，未写入：${path}。如需修改，请先在文件属性中取消“只读”，或另存为新文件。`,
      `the file is read-only and was not replaced: ${path}`,
    );
  }
  return info;
}

async function writeDurably(path: string, data: string | Uint8Array, existing: Stats | null): Promise<void> {
  const mode = existing === null ? 0o644 : existing.mode & 0o7777;
  const handle = await open(path, "wx", mode);
  try {
    if (existing !== null) {
      // open() applies the umask; chmod does not. Giving the file back to its owner needs root
      // (or is a no-op for the owner); anyone else keeps their own ownership.
      await handle.chmod(mode);
      await handle.chown(existing.uid, existing.gid).catch((error: unknown) => {
        if (!isCode(error, "EPERM")) throw error;
      });
    }
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
  const bakTmp = tempPathOf(path, "baktmp");
  try {
    await copyFile(path, bakTmp, constants.COPYFILE_EXCL);
    // Read-only is enough to fsync, and the copy keeps the original's (possibly read-only) mode.
    const handle = await open(bakTmp, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(bakTmp, backupPathOf(path));
  } catch (error) {
    await unlink(bakTmp).catch(() => undefined);
    if (isCode(error, "ENOENT") && !(await exists(path))) return;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
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

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}
