import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { fileError, NianbaoError } from "../../core/errors/nianbao-error";
import type { ImportNotice } from "../../core/import/import-notice";
import { SourceBlock } from "../../core/import/source-block";
import { decodeText } from "./decode-text";
import { readDocx } from "./docx-reader";
import { InputBudget } from "./input-budget";
import { readTextBlocks } from "./text-reader";

export type SourceFormat = "docx" | "md" | "txt";

/** A Word report is tens of KB, photos included a few MB; beyond this it is not a report. */
export const MAX_DOCX_BYTES = 30 * 1024 * 1024;
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  ".docx": "docx",
  ".docm": "docx",
  ".md": "md",
  ".markdown": "md",
  ".txt": "txt",
  ".text": "txt",
};

export interface SourceDocument {
  format: SourceFormat;
  blocks: SourceBlock[];
  notices: ImportNotice[];
}

export function sourceFormatOf(path: string): SourceFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/** Reads a .docx, .md or .txt file into format-neutral blocks; anything else gets a clear message. */
export async function readSourceDocument(path: string): Promise<SourceDocument> {
  const format = sourceFormatOf(path);
  if (format === null) throw unsupported(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new NianbaoError(
        "file_invalid",
        `这是一个文件夹，不是要导入的文件：${path}`,
        `this is a directory, not a file to import: ${path}`,
      );
    size = info.size;
  } catch (error) {
    if (error instanceof NianbaoError) throw error;
    if (typeof error === "object" && error !== null && "code" in error && error.code === "ENOENT") {
      throw new NianbaoError("not_found", `找不到文件：${path}`, `file not found: ${path}`, { cause: error });
    }
    throw fileError(error, path, "read");
  }
  const limit = format === "docx" ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  if (size === 0) throw new NianbaoError("file_invalid", `文件是空的：${path}`, `the file is empty: ${path}`);
  if (size > limit) {
    throw new NianbaoError(
      "file_too_large",
      `文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${limit / 1048576} MB），不像是一份年度报告。`,
      `file too large (${size} bytes; limit ${limit}) for an annual report`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw fileError(error, path, "read");
  }
  // One budget for the whole file: zip entries, XML, paragraphs and characters all draw on it.
  const budget = new InputBudget(path);
  let blocks: unknown[];
  let notices: ImportNotice[] = [];
  if (format === "docx") {
    const content = readDocx(bytes, budget);
    blocks = content.blocks;
    notices = content.notices;
  } else {
    const { text, encoding } = decodeText(bytes);
    if (encoding === "gb18030") notices.push({ zh: "文件按 GBK/GB18030 编码读取。", en: "the file was read as GBK/GB18030" });
    blocks = readTextBlocks(text, format === "md", budget);
  }
  const parsed = blocks.map((b) => SourceBlock.parse(b));
  const hasText = parsed.some((b) => (b.type === "paragraph" ? b.text.trim() !== "" : b.rows.some((r) => r.some((c) => c.trim() !== ""))));
  if (!hasText) {
    throw new NianbaoError(
      "file_invalid",
      "文档中没有可导入的文字（可能只有图片，或是扫描件）。请提供含文字的 Word 或文本文件。",
      "the document contains no text to import (images only, or a scan)",
    );
  }
  return { format, blocks: parsed, notices };
}

function unsupported(path: string): NianbaoError {
  const ext = extname(path).toLowerCase();
  if (ext === ".doc" || ext === ".wps" || ext === ".wpt" || ext === ".dot") {
    return new NianbaoError(
      "unsupported_format",
      `不支持旧版 Word/WPS 格式（${ext}）。请在 Word 或 WPS 中打开该文件，“另存为” .docx 后再导入。`,
      `legacy ${ext} files are not supported; open the file in Word or WPS, save it as .docx and import that`,
    );
  }
  if (ext === ".pdf") {
    return new NianbaoError(
      "unsupported_format",
      "不支持直接导入 PDF。请在 PDF 阅读器中全选复制文字，粘贴到记事本存为 .txt 后导入（断行会自动接续）。",
      "PDF is not supported; copy its text into a .txt file and import that (broken lines are rejoined)",
    );
  }
  return new NianbaoError(
    "unsupported_format",
    `不支持的文件格式（${ext || "无扩展名"}）。可导入：.docx、.txt、.md、.nianbao；.doc/.wps/.odt/.rtf 请先另存为 .docx。`,
    `unsupported format (${ext || "no extension"}); import .docx, .txt, .md or .nianbao; save .doc/.wps/.odt/.rtf as .docx first`,
  );
}
