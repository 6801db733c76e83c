const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: the numbering of 公文 headings. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return DIGITS[n] ?? "";
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a Chinese numeral (一千九百, 两万, 二〇二四). */
export const CHINESE_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿";

/**
 * 一千九百 → 1900, 两 → 2, 十二 → 12, 三万五千 → 35000, 二〇二四 → 2024 (digit by digit, as years
 * are written). Returns null for text that is not a well-formed numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const hasUnit = [...text].some((ch) => ch in SMALL_UNITS || ch in LARGE_UNITS);
  if (!hasUnit) {
    if (text.length === 1) return DIGIT_VALUES[text] ?? null;
    // Digit-by-digit numerals are years (二〇二四); 八五 or 十四五 are names, not numbers.
    if (text.length !== 4) return null;
    let value = 0;
    for (const ch of text) {
      const digit = DIGIT_VALUES[ch];
      if (digit === undefined || ch === "两") return null;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGIT_VALUES[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null;
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    // A leading bare unit counts one of it: 十二, and 千 / 万 as in 近千人次, 近万人.
    const leading = digit === null && section === 0 && total === 0;
    if (small !== undefined) {
      if (digit === null && !leading) return null;
      section += (digit ?? 1) * small;
      digit = null;
      continue;
    }
    const large = LARGE_UNITS[ch];
    if (large === undefined) return null;
    section += digit ?? (leading ? 1 : 0);
    if (section === 0 && total === 0) return null;
    total = large === 1e8 ? (total + section) * large : total + section * large;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}
