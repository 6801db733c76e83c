import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { RecentFile } from "../../core/api/contract";
import { writeFileAtomic } from "../storage/atomic-write";

const MAX_RECENT = 12;
const RecentList = z.array(RecentFile);

/** 最近打开: a small JSON list in the app's state folder, newest first. */
export interface RecentFiles {
  list: () => Promise<RecentFile[]>;
  remember: (entry: RecentFile) => Promise<void>;
}

export function createRecentFiles(stateDir: string): RecentFiles {
  const file = join(stateDir, "recent.json");
  const list = async (): Promise<RecentFile[]> => {
    try {
      const parsed = RecentList.safeParse(JSON.parse(await readFile(file, "utf8")));
      // A damaged list only costs the clerk the shortcuts, never a start-up failure.
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  return {
    list,
    remember: async (entry) => {
      const rest = (await list()).filter((e) => e.path !== entry.path);
      await mkdir(stateDir, { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify([entry, ...rest].slice(0, MAX_RECENT), null, 2)}\n`);
    },
  };
}
