import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { FolderEntry } from "../../core/api/contract";
import { NianbaoError } from "../../core/errors/nianbao-error";

/**
 * A guarded folder as the file browser shows it: sub-folders first, then the files `fileKind`
 * accepts, each group in zh-CN order; hidden entries (and whatever `skip` names) left out.
 */
export async function listFolder(
  real: string,
  shown: string,
  fileKind: (name: string) => FolderEntry["kind"] | null,
  skip: (name: string) => boolean = () => false,
): Promise<FolderEntry[]> {
  const entries = await readdir(real, { withFileTypes: true }).catch((error: unknown) => {
    throw new NianbaoError("not_found", `无法读取文件夹：${shown}`, `cannot read folder: ${shown}`, { cause: error });
  });
  return entries
    .flatMap((e): FolderEntry[] => {
      if (e.name.startsWith(".") || skip(e.name)) return [];
      const kind = e.isDirectory() ? "folder" : e.isFile() ? fileKind(e.name) : null;
      return kind === null ? [] : [{ name: e.name, path: join(real, e.name), kind }];
    })
    .sort((a, b) =>
      (a.kind === "folder") === (b.kind === "folder") ? a.name.localeCompare(b.name, "zh-CN") : a.kind === "folder" ? -1 : 1,
    );
}
