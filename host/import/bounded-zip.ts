import { unzipSync, type UnzipFileInfo } from "fflate";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { InputBudget } from "./input-budget";

export interface BoundedZip {
  /** The entry's inflated bytes, or undefined when the package has no such entry. */
  read: (name: string) => Uint8Array | undefined;
}

/**
 * Opens a zip under the file's budget. The whole central directory is walked first, nothing
 * inflated (fflate's filter sees every entry's declared size), and the package is refused when the
 * entries are too many or their sizes sum beyond the budget, used or not. Each read then reserves
 * its entry's declared size before inflating; fflate inflates into a buffer of exactly that size,
 * so an entry that lies about its size cannot grow past it either (its output is cut off and the
 * XML then fails to parse).
 */
export function openBoundedZip(bytes: Uint8Array, budget: InputBudget): BoundedZip {
  const declared = checkZipBudget(bytes, budget);
  return {
    read: (name) => {
      if (!declared.has(name)) return undefined;
      const files = unzipOrCorrupt(bytes, (file) => {
        if (file.name !== name) return false;
        // A name listed twice is inflated twice: each copy pays.
        budget.reserveInflate(name, file.originalSize);
        return true;
      });
      return files[name];
    },
  };
}

/**
 * Walks the central directory without inflating anything and refuses the package when its
 * entries are too many or their declared sizes sum beyond the budget; returns each name's
 * declared size. After this, inflating every entry costs at most the budget.
 */
export function checkZipBudget(bytes: Uint8Array, budget: InputBudget): Map<string, number> {
  const declared = new Map<string, number>();
  let entries = 0;
  let declaredBytes = 0;
  unzipOrCorrupt(bytes, (file) => {
    entries++;
    declaredBytes += file.originalSize;
    // Checked as the directory is walked: a directory of millions of entries stops at the limit.
    if (entries > budget.limits.zipEntries || declaredBytes > budget.limits.zipDeclaredBytes)
      budget.checkZipDirectory(entries, declaredBytes);
    declared.set(file.name, Math.max(declared.get(file.name) ?? 0, file.originalSize));
    return false;
  });
  budget.checkZipDirectory(entries, declaredBytes);
  return declared;
}

function unzipOrCorrupt(bytes: Uint8Array, filter: (file: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof NianbaoError) throw error;
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError(
      "file_corrupt",
      "文件已损坏，不是有效的 Word 文档（压缩包无法读取）。",
      `the file is damaged: not a readable .docx zip package (${en})`,
      { cause: error },
    );
  }
}
