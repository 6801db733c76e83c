import { NianbaoError } from "../errors/nianbao-error";

/**
 * One set of numbers for reading a source file, importing it and opening a .nianbao file, so a
 * file that imports can always be opened again. A 100-page report has ~1,500 paragraphs and
 * ~100,000 characters; the fixture is 30 KB as JSON.
 */
export const REPORT_LIMITS = {
  /** Paragraphs, headings and table cells of the body and the attachments. */
  paragraphs: 20_000,
  /** Characters of text in the body and the attachments. */
  characters: 2_000_000,
  /** A .nianbao file on disk (and the largest request body the browser-mode host accepts). */
  fileBytes: 64 * 1024 * 1024,
} as const;

export interface TextSize {
  paragraphs: number;
  characters: number;
}

/** Counts what REPORT_LIMITS bounds in parsed report JSON (validated or not), without recursion. */
export function measureReportText(report: unknown): TextSize {
  const size: TextSize = { paragraphs: 0, characters: 0 };
  const roots: unknown[] = [];
  if (isRecord(report)) {
    roots.push(report["body"]);
    const meta = report["meta"];
    const attachments = isRecord(meta) ? meta["attachments"] : undefined;
    if (Array.isArray(attachments)) for (const a of attachments) if (isRecord(a)) roots.push(a["body"]);
  }
  const stack = roots;
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      // One push per element: spreading a huge array into push() overflows the call stack.
      for (const child of node as unknown[]) stack.push(child);
      continue;
    }
    if (!isRecord(node)) continue;
    const type = node["type"];
    if (type === "paragraph" || type === "heading") size.paragraphs++;
    const text = node["text"];
    if (type === "text" && typeof text === "string") size.characters += text.length;
    if (node["content"] !== undefined) stack.push(node["content"]);
  }
  return size;
}

/** Refuses a report (read from `source`) whose text is beyond REPORT_LIMITS; the message names the limit. */
export function assertWithinReportLimits(size: TextSize, source: string): void {
  if (size.paragraphs > REPORT_LIMITS.paragraphs) throw tooManyParagraphs(source);
  if (size.characters > REPORT_LIMITS.characters) throw tooManyCharacters(source);
}

export function tooManyParagraphs(source: string): NianbaoError {
  return new NianbaoError(
    "file_too_large",
    `内容过多：${source} 超过 ${REPORT_LIMITS.paragraphs.toLocaleString("en-US")} 个段落（上限），不像是一份年度报告，已拒绝读取。`,
    `too much content: ${source} has more than ${REPORT_LIMITS.paragraphs} paragraphs (the limit); refused`,
  );
}

export function tooManyCharacters(source: string): NianbaoError {
  return new NianbaoError(
    "file_too_large",
    `内容过多：${source} 超过 ${REPORT_LIMITS.characters.toLocaleString("en-US")} 个字符（上限），不像是一份年度报告，已拒绝读取。`,
    `too much content: ${source} has more than ${REPORT_LIMITS.characters} characters (the limit); refused`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
