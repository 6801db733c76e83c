import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { HostPath } from "../../core/api/contract";
import { migrateReport } from "../../core/model/migrate-report";
import type { Report } from "../../core/model/report";
import { writeFileAtomic } from "../storage/atomic-write";

/** What autosave writes: the unsaved report and the file it belongs to (null if never saved). */
const RecoveryFile = z.object({
  kind: z.literal("nianbao-recovery"),
  path: HostPath.nullable(),
  savedAt: z.iso.datetime({ offset: true }),
  report: z.unknown(),
});

export interface Recovery {
  report: Report;
  path: string | null;
  savedAt: string;
  migratedFrom: number | null;
}

/**
 * Autosave copies live apart from the user's files, one per report, so a crash never touches the
 * .nianbao itself; a clean save or an explicit discard removes the copy.
 */
export interface RecoveryStore {
  write: (report: Report, path: string | null, savedAt: string) => Promise<void>;
  list: () => Promise<Recovery[]>;
  read: (reportId: string) => Promise<Recovery | null>;
  discard: (reportId: string) => Promise<void>;
}

const STALE_TEMP_MS = 60_000;

export function createRecoveryStore(stateDir: string): RecoveryStore {
  const dir = join(stateDir, "recovery");
  // Report ids come from files, so they are hashed rather than trusted as file names.
  const fileOf = (reportId: string) => join(dir, `${createHash("sha256").update(reportId).digest("hex").slice(0, 32)}.json`);
  const readOne = async (file: string): Promise<Recovery | null> => {
    try {
      const parsed = RecoveryFile.parse(JSON.parse(await readFile(file, "utf8")));
      const { report, migratedFrom } = migrateReport(parsed.report);
      return { report, path: parsed.path, savedAt: parsed.savedAt, migratedFrom };
    } catch {
      return null;
    }
  };
  return {
    write: async (report, path, savedAt) => {
      await mkdir(dir, { recursive: true });
      const body = { kind: "nianbao-recovery", path, savedAt, report };
      await writeFileAtomic(fileOf(report.id), JSON.stringify(body));
    },
    list: async () => {
      const names = await readdir(dir).catch(() => [] as string[]);
      // Temp files of autosaves killed mid-write (the app lists recoveries at start); a write under way is younger.
      for (const name of names.filter((n) => n.startsWith(".") && n.endsWith(".tmp"))) {
        const file = join(dir, name);
        const info = await stat(file).catch(() => null);
        if (info !== null && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
      }
      const found = await Promise.all(names.filter((n) => n.endsWith(".json")).map((n) => readOne(join(dir, n))));
      return found.filter((r): r is Recovery => r !== null).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    read: (reportId) => readOne(fileOf(reportId)),
    discard: async (reportId) => {
      await unlink(fileOf(reportId)).catch(() => undefined);
    },
  };
}
