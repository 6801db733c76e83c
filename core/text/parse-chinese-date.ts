import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./chinese-numeral";
import { toHalfWidth } from "./to-half-width";

const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const DATE_PATTERNS: readonly RegExp[] = [
  /(?<y>(?:19|20)\d{2})\s{0,2}年\s{0,2}(?<m>\d{1,2})\s{0,2}月\s{0,2}(?<d>\d{1,2})\s{0,2}日/,
  new RegExp(`(?<y>${CN}{4})\\s{0,2}年\\s{0,2}(?<m>${CN}{1,3})\\s{0,2}月\\s{0,2}(?<d>${CN}{1,3})\\s{0,2}日`),
  /(?<y>(?:19|20)\d{2})\s{0,2}[-./]\s{0,2}(?<m>\d{1,2})\s{0,2}[-./]\s{0,2}(?<d>\d{1,2})(?!\d)/,
];

export interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  year: number;
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
    const y = dateNumber(g["y"] ?? "");
    const mo = dateNumber(g["m"] ?? "");
    const d = dateNumber(g["d"] ?? "");
    if (y === null || mo === null || d === null || y < 1949 || y > 2200 || !isRealDate(y, mo, d)) continue;
    if (best === null || m.index < best.index) {
      best = { iso: `${y}-${pad(mo)}-${pad(d)}`, year: y, index: m.index, length: m[0].length };
    }
  }
  return best;
}

/** A year, month or day as written in a date: Arabic digits (01, 17) or a Chinese numeral (十七, 二〇二四). */
export function dateNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** Whether the day exists in the Gregorian calendar (no 2月30日, 29 February only in leap years). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
