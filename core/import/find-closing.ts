import { importedHeadingNumber } from "../text/heading-numbering";
import { dateOnly, looksLikeOrg } from "./find-front-matter";
import type { SourceItem } from "./source-lines";
import { findChineseDate } from "../text/chinese-date";

export interface Closing {
  org: string | null;
  date: string | null;
  /** Index of the first item of the closing block (items from here on are not body). */
  start: number;
}

/** Notes printed after the date: （此件公开发布）, 联系人, 附件 lists. */
const TRAILING_NOTE = /^[(（].*(公开|发布|删减|联系人|电话)|^联系人|^联系电话|^抄送|^附件/u;

const UNDATED = /^[\s\u3000]*年[\s\u3000]+月[\s\u3000]+日$/u;

/** The 落款: 发文机关署名 and 成文日期 at the end, with notes after them skipped. */
export function findClosing(items: readonly SourceItem[], floor: number): Closing {
  let end = items.length;
  while (end > floor) {
    const last = items[end - 1];
    if (last?.type === "line" && TRAILING_NOTE.test(last.text) && last.text.length <= 60) end--;
    else break;
  }
  for (let k = end - 1; k >= Math.max(floor, end - 4); k--) {
    const item = items[k];
    if (item?.type !== "line") break;
    const date = dateOnly(item.text);
    // A 成文日期 without the day (2024年1月), or left blank to be dated at signing (年 月 日 with
    // wide spaces, as a draft prints), still marks the 落款, though it gives no date.
    if (date !== null || /^[(（]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*[)）]?$/u.test(item.text) || UNDATED.test(item.text)) {
      const orgs: string[] = [];
      let start = k;
      for (let j = k - 1; j >= Math.max(floor, k - 2); j--) {
        const above = items[j];
        if (above?.type !== "line" || !isSignatureLine(above.text)) break;
        orgs.unshift(above.text);
        start = j;
      }
      return { org: orgs.length > 0 ? orgs.join("、") : null, date, start };
    }
    const combined = findChineseDate(item.text);
    if (combined !== null && k === end - 1) {
      const orgText = item.text.slice(0, combined.index).trim();
      const rest = item.text.slice(combined.index + combined.length).replace(/[\s)）]/gu, "");
      if (rest === "" && looksLikeOrg(orgText)) return { org: orgText, date: combined.iso, start: k };
    }
  }
  const last = items[end - 1];
  if (last?.type === "line" && end - 1 >= floor && looksLikeOrg(last.text) && importedHeadingNumber(last.text) === null) {
    return { org: last.text, date: null, start: end - 1 };
  }
  return { org: null, date: null, start: end };
}

function isSignatureLine(text: string): boolean {
  return text.length <= 40 && !/[。，；：,;:！？]/u.test(text) && importedHeadingNumber(text) === null && !/^特此/u.test(text);
}
