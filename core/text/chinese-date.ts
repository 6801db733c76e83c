import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./chinese-numeral";
import { toHalfWidth } from "./to-half-width";

/*
 * The one reader and writer of calendar dates in Chinese text, for import (the 成文日期 of a
 * source file), the checks (DATE-01) and the export (the 落款).
 */

const CN = `[${CHINESE_NUMERAL_CHARS}]`;
// Matched on half-width text, so full-width digits and separators (２０２４．１．１７) are covered.
const DATE_PATTERNS: readonly RegExp[] = [
  /(?<y>(?:19|20)\d{2})\s{0,2}年\s{0,2}(?<m>\d{1,2})\s{0,2}月\s{0,2}(?<d>\d{1,2})\s{0,2}日/u,
  // "○" (U+25CB) is a common stand-in for the numeral 〇 in typed dates.
  new RegExp(`(?<y>[${CHINESE_NUMERAL_CHARS}○]{4})\\s{0,2}年\\s{0,2}(?<m>${CN}{1,3})\\s{0,2}月\\s{0,2}(?<d>${CN}{1,3})\\s{0,2}日`, "u"),
  /(?<y>(?:19|20)\d{2})\s{0,2}[-./]\s{0,2}(?<m>\d{1,2})\s{0,2}[-./]\s{0,2}(?<d>\d{1,2})(?!\d)/u,
];

export interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  year: number;
  month: number;
  day: number;
  index: number;
  length: number;
}

/** The first calendar date in a text: 2024年1月17日, 二〇二四年一月十七日, 2024-01-17 or 2024.1.17. */
export function findChineseDate(text: string): FoundDate | null {
  const normalized = toHalfWidth(text);
  let best: FoundDate | null = null;
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(normalized);
    const g = m?.groups;
    if (!m || !g) continue;
    const y = dateNumber((g["y"] ?? "").replaceAll("○", "〇"));
    const mo = dateNumber(g["m"] ?? "");
    const d = dateNumber(g["d"] ?? "");
    if (y === null || mo === null || d === null || y < 1949 || y > 2200 || !isRealDate(y, mo, d)) continue;
    if (best === null || m.index < best.index) {
      best = { iso: `${y}-${pad(mo)}-${pad(d)}`, year: y, month: mo, day: d, index: m.index, length: m[0].length };
    }
  }
  return best;
}

/**
 * Reads a line that is only a date, however written (2024.01.17, 2024-1-17, 二〇二四年一月十七日,
 * ２０２４年１月１７日); undefined when the line is not a date or names no real calendar day.
 */
export function readDateLine(text: string): { year: number; month: number; day: number } | undefined {
  const line = text.trim();
  const found = findChineseDate(line);
  if (found === null || found.index !== 0 || !/^日?$/u.test(line.slice(found.length))) return undefined;
  return { year: found.year, month: found.month, day: found.day };
}

/** A year, month or day as written in a date: Arabic digits (01, 17) or a Chinese numeral (十七, 二〇二四). */
export function dateNumber(text: string): number | null {
  return /^\d+$/u.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** Whether the day exists in the Gregorian calendar (no 2月30日, 29 February only in leap years). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

/** A 成文日期 per GB/T 9704 7.3.5.4: Arabic digits, full year, no leading zeros. */
export const CANONICAL_DATE = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/u;

/** 成文日期 per 7.3.5.4: Arabic numerals, full year, no leading zeros (2024年1月17日). */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  if (match === null) throw new Error(`not an ISO date: ${isoDate}`);
  const [, year = "", month = "", day = ""] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** What a draft without a 成文日期 shows: room for the date to be written in. */
export const UNDATED_PLACEHOLDER = "　　　　年　　月　　日";

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
