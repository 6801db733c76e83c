import { findChineseDate } from "../text/chinese-date";
import { importedHeadingNumber } from "../text/heading-numbering";
import type { SourceItem, SourceLine } from "./source-lines";

export interface FrontMatter {
  title: string | null;
  recipient: string | null;
  docNumber: string | null;
  /** 发文机关 or 成文日期 printed under the title, when the closing lacks them. */
  org: string | null;
  date: string | null;
  /** Items consumed from the top. */
  consumed: number;
}

const DOC_NUMBER = /[〔［[(（]\s{0,2}(?:19|20)\d{2}\s{0,2}[〕］\])）]\s{0,2}\d{1,6}\s{0,2}号/u;
const SENTENCE_END = /[。！？；!?;，,]$/u;
const ORG_SUFFIX = /(人民政府|政府|办事处|街道|镇|乡|司法局|局|委员会|委|办公室|厅|法院|检察院|中心|管委会|管理委员会|县|区|市|州|盟|旗)$/u;
const TITLE_WORDS = /报告|总结|情况|工作|年报/u;

export function looksLikeOrg(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && ORG_SUFFIX.test(text) && !/[，。；：,;:]/u.test(text);
}

/** A line that is only a date, possibly in parentheses: （2024年1月17日）. */
export function dateOnly(text: string): string | null {
  const found = findChineseDate(text);
  if (found === null) return null;
  const rest = (text.slice(0, found.index) + text.slice(found.index + found.length)).replace(/[\s()（）]/gu, "");
  return rest.length <= 1 ? found.iso : null;
}

/** Title (one or two lines), 主送机关 and a 发文字号 at the top of the document. */
export function findFrontMatter(items: readonly SourceItem[]): FrontMatter {
  const result: FrontMatter = { title: null, recipient: null, docNumber: null, org: null, date: null, consumed: 0 };
  let i = 0;
  const line = (k: number): SourceLine | null => {
    const item = items[k];
    return item?.type === "line" ? item : null;
  };
  for (;;) {
    const current = line(i);
    if (current === null) break;
    if (current.text.length <= 30 && DOC_NUMBER.test(current.text)) {
      result.docNumber = current.text.replace(/^.*?([\p{Script=Han}]*[〔［[(（])/u, "$1").trim();
      i++;
      continue;
    }
    if (/文件$/u.test(current.text) && current.text.length <= 30 && i === 0) {
      i++;
      continue;
    }
    break;
  }
  // Text copied from a web page starts with the site's banner lines; the title is the first line
  // that names a report, with only short non-sentence lines above it.
  const titled = findReportTitleLine(items, i);
  if (titled > i) {
    for (let k = i; k < titled; k++) {
      const junk = line(k);
      if (junk !== null && looksLikeOrg(junk.text) && result.org === null) result.org = junk.text;
    }
    i = titled;
  }
  const first = line(i);
  if (first !== null && isTitleLine(first, true)) {
    const parts = [first.text];
    let k = i + 1;
    for (;;) {
      const next = line(k);
      if (next === null || parts.length >= 3 || !isTitleLine(next, false) || !continuesTitle(parts.join(""), next, first)) break;
      parts.push(next.text);
      k++;
    }
    result.title = parts.join("");
    i = k;
    // Web pages print the title twice (banner and article).
    while (line(i)?.text === result.title || (line(i)?.text === parts[0] && parts.length === 1)) i++;
  }
  for (let extra = 0; extra < 3; extra++) {
    const next = line(i);
    if (next === null) break;
    const date = dateOnly(next.text);
    if (date !== null && result.title !== null) {
      result.date = date;
      i++;
      continue;
    }
    if (result.title !== null && looksLikeOrg(next.text) && importedHeadingNumber(next.text) === null) {
      result.org = next.text;
      i++;
      continue;
    }
    if (/^[-—－]{1,2}/u.test(next.text) && result.title !== null && next.text.length <= 40 && !SENTENCE_END.test(next.text)) {
      result.title = `${result.title}${next.text}`;
      i++;
      continue;
    }
    break;
  }
  const recipient = line(i);
  if (
    recipient !== null &&
    /[：:]$/u.test(recipient.text) &&
    recipient.text.length <= 40 &&
    importedHeadingNumber(recipient.text) === null &&
    !/[。；]/u.test(recipient.text) &&
    !/如下[：:]$/u.test(recipient.text)
  ) {
    // Kept as written, colon included: RCPT-01 checks the colon, and import does not edit.
    result.recipient = recipient.text;
    i++;
  }
  result.consumed = i;
  return result;
}

const REPORT_TITLE = /(报告|总结|年报)$/u;

function findReportTitleLine(items: readonly SourceItem[], from: number): number {
  for (let k = from; k < Math.min(items.length, from + 8); k++) {
    const item = items[k];
    if (item?.type !== "line") return from;
    const t = item.text;
    if (REPORT_TITLE.test(t) && t.length <= 60 && isTitleLine(item, true)) {
      const previous = items[k - 1];
      const twoLines =
        k > from && previous?.type === "line" && isTitleLine(previous, true) && continuesTitle(previous.text, item, previous);
      return twoLines ? k - 1 : k;
    }
    if (t.length > 40 || /[。；]/u.test(t)) return from;
  }
  return from;
}

function isTitleLine(l: SourceLine, first: boolean): boolean {
  const t = l.text;
  if (t.length > 60 || SENTENCE_END.test(t) || /[：:]$/u.test(t) || importedHeadingNumber(t) !== null || dateOnly(t) !== null) return false;
  if (/[。；]/u.test(t)) return false;
  if (!first) return true;
  const headingStyled = l.outlineLevel !== null || /^(heading|标题)\s*\d/iu.test(l.styleName ?? "");
  if (headingStyled && l.markdownLevel !== 1 && !/报告|总结|年报/u.test(t)) return false;
  if (l.markdownLevel === 1 || l.styleName?.toLowerCase() === "title" || l.align === "center") return true;
  if (l.size !== null && l.size >= 18) return true;
  return TITLE_WORDS.test(t) || t.length <= 30;
}

/** A second title line continues the first when the first is not yet a complete title. */
function continuesTitle(soFar: string, next: SourceLine, first: SourceLine): boolean {
  if (REPORT_TITLE.test(soFar) || next.text === soFar) return false;
  if (looksLikeOrg(soFar) && !/^关于/u.test(next.text)) return false;
  if (first.font !== null && next.font !== null && (first.font !== next.font || first.size !== next.size)) return false;
  if (first.markdownLevel !== next.markdownLevel)
    return first.markdownLevel === 1 && next.markdownLevel === null && next.text.length <= 30 && /(报告|总结)$/u.test(next.text);
  if (first.font === null && first.markdownLevel === null) return next.text.length <= 40 && /(报告|总结|情况)$/u.test(next.text);
  return true;
}
