import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { isProcessAlive } from "../is-process-alive";

export interface UploadFolder {
  dir: string;
  /** Deletes the folder and every upload in it (the host is stopping). */
  remove: () => Promise<void>;
}

/**
 * A private folder for this host's uploads under `<state>/uploads`, named after the process so
 * that the next host can tell a crashed host's leftovers from a running host's files. Uploads
 * are copies of a clerk's documents: they go when the host stops, or at the next start after a crash.
 */
export async function createUploadFolder(stateDir: string): Promise<UploadFolder> {
  const root = join(stateDir, "uploads");
  await mkdir(root, { recursive: true, mode: 0o700 });
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = /^host-(\d+)-/u.exec(name)?.[1];
    // Loose files are uploads of versions that kept no per-host folder.
    if (pid === undefined || !isProcessAlive(Number(pid))) await rm(join(root, name), { recursive: true, force: true });
  }
  const dir = await mkdtemp(join(root, `host-${process.pid}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
