import iconv from "iconv-lite";
import { NianbaoError } from "../../core/errors/nianbao-error";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Decodes a clerk's text file. Many are GBK (Windows Notepad before 2019, WPS exports): bytes that
 * are not valid UTF-8 are read as GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  if (looksBinary(bytes)) {
    throw new NianbaoError(
      "unsupported_format",
      "这不是文本文件（含有二进制内容），无法按 .txt/.md 读取。",
      "not a text file (binary content); cannot read it as .txt/.md",
    );
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
    // GB18030 maps every well-formed byte sequence, so a replacement character means bytes that
    // are neither UTF-8 nor GBK: importing them would put mojibake into the clerk's report.
    if (text.includes("\uFFFD")) {
      throw new NianbaoError(
        "unsupported_format",
        "无法识别文件的文字编码（既不是 UTF-8，也不是 GBK），文件可能已损坏。请在记事本中打开并“另存为”UTF-8 编码后再导入。",
        "unknown text encoding: the file is neither valid UTF-8 nor GBK (it may be damaged); save it as UTF-8 and import again",
      );
    }
    return { text, encoding: "gb18030" };
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
