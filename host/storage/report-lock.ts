import { hostname, userInfo } from "node:os";
import { randomBytes } from "node:crypto";
import { link, open, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { fileError, NianbaoError } from "../../core/errors/nianbao-error";

/** Who holds a report's lock, as written into the lock file and named in the refusal. */
const LockHolder = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  user: z.string(),
  since: z.string(),
});
type LockHolder = z.infer<typeof LockHolder>;

export interface LockOptions {
  /** How long to wait for another writer's save to finish (saves take milliseconds). */
  waitMs?: number;
}

const DEFAULT_WAIT_MS = 5_000;
const POLL_MS = 25;
/** A lock file that cannot be read (torn by a crash mid-write) is given up as stale after this. */
const UNREADABLE_STALE_MS = 10_000;

export function lockPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.lock`);
}

/**
 * Runs `work` while holding `path`'s lock: a hidden `.<name>.lock` file created exclusively (O_EXCL)
 * beside the report, naming the holder. Written by hand rather than with proper-lockfile because
 * the refusal must name the holder, and a holder that died (same machine, process gone) must not
 * keep the file locked. Another writer's save is waited for; one that does not finish in time is
 * refused with the holder's name.
 */
export async function withReportLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPathOf(path);
  await acquire(lock, path, options.waitMs ?? DEFAULT_WAIT_MS);
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

/** Whether a live process holds `path`'s lock (a dead holder's lock does not count). */
export async function isReportLocked(path: string): Promise<boolean> {
  const holder = await readHolder(lockPathOf(path));
  return holder !== null && holder !== "unreadable" && isAlive(holder);
}

async function acquire(lock: string, path: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  const me: LockHolder = { pid: process.pid, host: hostname(), user: safeUser(), since: new Date().toISOString() };
  for (;;) {
    try {
      await createLockFile(lock, JSON.stringify(me));
      return;
    } catch (error) {
      if (!isCode(error, "EEXIST")) throw fileError(error, path, "write");
    }
    const holder = await readHolder(lock);
    if (holder === null) continue;
    if (holder === "unreadable" ? await olderThan(lock, UNREADABLE_STALE_MS) : !isAlive(holder)) {
      // The holder died without unlocking (a crash or kill -9): its lock protects nothing.
      await unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() >= deadline) throw lockedBy(holder, path);
    await sleep(POLL_MS);
  }
}

/**
 * Creates the lock file with its content in one step: the holder is written to a temp file that
 * is then hard-linked to the lock's name (link fails if the name exists), so a kill never leaves
 * an empty lock that nobody could tell from a live one. File systems without hard links (FAT on a
 * USB stick) get an exclusive create followed by the write.
 */
async function createLockFile(lock: string, content: string): Promise<void> {
  const tmp = `${lock}.${randomBytes(6).toString("hex")}`;
  await writeFile(tmp, content, { mode: 0o600, flag: "wx" });
  try {
    await link(tmp, lock);
  } catch (error) {
    if (!isCode(error, "EPERM") && !isCode(error, "ENOTSUP") && !isCode(error, "ENOSYS")) throw error;
    const handle = await open(lock, "wx", 0o600);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function readHolder(lock: string): Promise<LockHolder | "unreadable" | null> {
  let text: string;
  try {
    text = await readFile(lock, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = LockHolder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : "unreadable";
  } catch {
    return "unreadable";
  }
}

/** A holder on another machine (a shared folder) cannot be checked and is taken as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return typeof error === "object" && error !== null && "code" in error && error.code === "EPERM";
  }
}

async function olderThan(lock: string, ms: number): Promise<boolean> {
  const info = await stat(lock).catch(() => null);
  return info === null || Date.now() - info.mtimeMs > ms;
}

function lockedBy(holder: LockHolder | "unreadable", path: string): NianbaoError {
  const who =
    holder === "unreadable" ? "另一个程序" : `用户 ${holder.user} 在 ${holder.host} 上的年报程序（进程 ${holder.pid}，${holder.since} 起）`;
  const whoEn =
    holder === "unreadable"
      ? "another program"
      : `Nianbao process ${holder.pid} of ${holder.user} on ${holder.host} (since ${holder.since})`;
  return new NianbaoError(
    "report_locked",
    `文件正由${who}保存，未写入：${path}。请稍后再试。`,
    `the file is being saved by ${whoEn}; not written: ${path}. Try again later`,
    { hint: lockPathOf(path) },
  );
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? "?");
  }
}
