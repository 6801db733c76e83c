import { dateNumber, isRealDate } from "../text/parse-chinese-date";
import { toHalfWidth } from "../text/to-half-width";

/** A 成文日期 per GB/T 9704 7.3.5.4: Arabic digits, full year, no leading zeros. */
export const CANONICAL_DATE = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;

/* Matched on half-width text, so full-width digits and separators (２０２４．１．１７) are covered. */
const DATE_LIKE = /^(\d{4}|[〇○零一二三四五六七八九]{4})\s*[年.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[月.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?$/;

/**
 * Reads a line that is only a date, however written (2024.01.17, 2024-1-17, 二〇二四年一月十七日,
 * ２０２４年１月１７日); undefined when the line is not a date or names no real calendar day.
 */
export function readDateLine(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE_LIKE.exec(toHalfWidth(text).trim());
  if (!m) return undefined;
  const [, y = "", mo = "", d = ""] = m;
  // "○" (U+25CB) is a common stand-in for the numeral 〇 in typed dates.
  const year = dateNumber(y.replaceAll("○", "〇"));
  const month = dateNumber(mo);
  const day = dateNumber(d);
  if (year === null || month === null || day === null || !isRealDate(year, month, day)) return undefined;
  return { year, month, day };
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
