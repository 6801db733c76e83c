import { unzipSync } from "fflate";
import { NianbaoError } from "../../core/api/errors";

/** Far above the document.xml of a 100-page report (~1 MB); a zip bomb hits this first. */
export const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

/**
 * Inflates only the named entries. Each entry's declared size is checked before inflating, and
 * fflate inflates into a buffer of exactly that size, so an entry that lies about its size cannot
 * grow past the cap either (its output is cut off and the XML then fails to parse).
 */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean, maxEntryBytes = MAX_ENTRY_BYTES): Map<string, Uint8Array> {
  const oversized: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > maxEntryBytes) {
          oversized.push(file.name);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError("file_corrupt", "文件已损坏，不是有效的 Word 文档（压缩包无法读取）。", `the file is damaged: not a readable .docx zip package (${en})`, { cause: error });
  }
  if (oversized.length > 0) {
    throw new NianbaoError(
      "file_too_large",
      `文档内容解压后过大（超过 ${Math.round(maxEntryBytes / 1048576)} MB），可能已损坏或为恶意文件，已拒绝读取。`,
      `refused: ${oversized.join(", ")} would inflate beyond ${maxEntryBytes} bytes (damaged file or zip bomb)`,
    );
  }
  return new Map(Object.entries(files));
}
