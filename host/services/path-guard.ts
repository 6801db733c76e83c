import { realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";

/**
 * Confines every path a caller sends to the folders the user chose (`serve --dir`, or a folder a
 * native dialog returned). Symlinks are resolved first, so a link inside a chosen folder cannot
 * reach outside it.
 */
export interface PathGuard {
  folders: () => string[];
  /** Adds a folder the user picked (Electron dialogs); browser mode never calls this. */
  allow: (folder: string) => Promise<void>;
  /** The real path of `path` if it lies inside a chosen folder; throws path_not_allowed otherwise. */
  check: (path: string) => Promise<string>;
}

export async function createPathGuard(folders: readonly string[]): Promise<PathGuard> {
  const roots = new Set<string>();
  const allow = async (folder: string): Promise<void> => {
    roots.add(await realpath(resolve(folder)));
  };
  for (const folder of folders) await allow(folder);
  return {
    folders: () => [...roots],
    allow,
    check: async (path) => {
      if (!isAbsolute(path)) throw notAllowed(path);
      const inside = (candidate: string) =>
        [...roots].some((root) => {
          const rel = relative(root, candidate);
          return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
        });
      let real: string;
      try {
        real = await realOrParent(resolve(path));
      } catch (error) {
        // Outside the chosen folders, a missing folder gets the same answer as an existing one:
        // the reply must not tell whether a path elsewhere on the machine exists.
        if (!inside(resolve(path))) throw notAllowed(path);
        throw error;
      }
      if (inside(real)) return real;
      throw notAllowed(path);
    },
  };
}

/** A file about to be created has no real path yet: resolve its folder and keep the name. */
async function realOrParent(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch (error) {
      throw new NianbaoError("not_found", `找不到文件夹：${dirname(path)}`, `folder not found: ${dirname(path)}`, { cause: error });
    }
  }
}

function notAllowed(path: string): NianbaoError {
  return new NianbaoError(
    "path_not_allowed",
    `不能访问此位置：${path}。只能打开或保存到您选择的文件夹中。`,
    `path outside the folders the user chose: ${path}`,
  );
}
