import { numeralValue } from "./check-numbering";

/** A 成文日期 per GB/T 9704 7.3.5.4: Arabic digits, full year, no leading zeros. */
export const CANONICAL_DATE = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;

/** "2024-01-17" → "2024年1月17日". */
export function formatChineseDate(iso: string): string {
  const [y = "", m = "", d = ""] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const HAN_DIGIT: Record<string, string> = { 〇: "0", "○": "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
const DATE_LIKE = /^([\d０-９]{4}|[〇○零一二三四五六七八九]{4})\s*[年.\-/／．]\s*([\d０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*[月.\-/／．]\s*([\d０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日?$/;

/**
 * Reads a line that is only a date, however written (2024.01.17, 2024-1-17, 二〇二四年一月十七日,
 * ２０２４年１月１７日); undefined when the line is not a date or names no real calendar day.
 */
export function readDateLine(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE_LIKE.exec(text.trim());
  if (!m) return undefined;
  const [, y = "", mo = "", d = ""] = m;
  const year = Number([...y].map((c) => HAN_DIGIT[c] ?? String.fromCharCode(c.charCodeAt(0) >= 0xff10 ? c.charCodeAt(0) - 0xfee0 : c.charCodeAt(0))).join(""));
  const month = numberOf(mo);
  const day = numberOf(d);
  if (month === undefined || day === undefined || !isRealDate(year, month, day)) return undefined;
  return { year, month, day };
}

export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function numberOf(text: string): number | undefined {
  const ascii = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return numeralValue(ascii);
}
