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
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
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

const FRACTION_DIGITS = "零一二三四五六七八九";

/**
 * 二点六 → "2.6", 一千九百 → "1900", 零点五 → "0.5": a Chinese number as a plain decimal string,
 * the fraction read digit by digit after 点. Null when either side is not a numeral.
 */
export function parseChineseDecimal(text: string): string | null {
  const [int = "", fraction, extra] = text.split("点");
  if (extra !== undefined) return null;
  const whole = parseChineseNumeral(int);
  if (whole === null || !Number.isSafeInteger(whole)) return null;
  if (fraction === undefined) return String(whole);
  if (!/^[〇零一二三四五六七八九]{1,8}$/u.test(fraction)) return null;
  const digits = [...fraction].map((ch) => DIGIT_VALUES[ch] ?? 0).join("");
  return `${whole}.${digits}`;
}

/**
 * "1900" → 一千九百, "32" → 三十二, "2.6" → 二点六, "20000" → 两万, "105" → 一百零五: a
 * non-negative decimal in the numerals of running text. `two` is how a leading 2 before 百, 千,
 * 万, 亿 or alone reads (两座, 两万 or 二百); inside a number or before 点 it is always 二 (十二,
 * 二十, 二点六).
 * Null past the 亿亿 range or for a negative number.
 */
export function toChineseNumber(decimal: string, two: "两" | "二" = "两"): string | null {
  const m = /^(\d+)(?:\.(\d+))?$/u.exec(decimal);
  if (m?.[1] === undefined) return null;
  const int = m[1].replace(/^0+(?=\d)/u, "");
  if (int.length > 16) return null;
  const fraction = m[2];
  let text = integerText(int);
  if (fraction === undefined && /^二(?:[百千万亿]|$)/u.test(text)) text = two + text.slice(1);
  return fraction === undefined ? text : `${text}点${[...fraction].map((d) => FRACTION_DIGITS[Number(d)] ?? "").join("")}`;
}

function integerText(int: string): string {
  if (int === "0") return "零";
  const groups: string[] = [];
  for (let end = int.length; end > 0; end -= 4) groups.unshift(int.slice(Math.max(0, end - 4), end));
  const bigUnits = ["", "万", "亿", "万亿"];
  let out = "";
  let zeroPending = false;
  groups.forEach((group, index) => {
    const value = Number(group);
    const unit = bigUnits[groups.length - 1 - index] ?? "";
    if (value === 0) {
      zeroPending = out !== "";
      return;
    }
    // 一万零五百: a group below 1000 after a higher group is read with a 零.
    if (out !== "" && (zeroPending || value < 1000)) out += "零";
    out += groupText(group.padStart(4, "0"), out === "") + unit;
    zeroPending = false;
  });
  return out;
}

/** Four digits under 万: 1905 → 一千九百零五, 0012 → 十二 at the start of a number, 一十二 after a higher unit. */
function groupText(four: string, leading: boolean): string {
  const units = ["千", "百", "十", ""];
  let out = "";
  let zero = false;
  [...four].forEach((d, i) => {
    const n = Number(d);
    if (n === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    const unit = units[i] ?? "";
    // 十二 opens a number; 一百一十二 keeps the 一 before 十 inside it.
    out += unit === "十" && n === 1 && out === "" && leading ? "十" : (DIGITS[n] ?? "") + unit;
  });
  return out;
}
