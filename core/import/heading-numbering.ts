import { parseChineseNumeral } from "../text/chinese-numeral";
import { toHalfWidth } from "../text/to-half-width";

/** The four numbering styles of 公文 headings, in rank order (GB/T 9704 7.3.3). */
export type NumberingStyle = "cn" | "paren-cn" | "arabic" | "paren-arabic";

export const NUMBERING_RANK: Readonly<Record<NumberingStyle, number>> = { cn: 1, "paren-cn": 2, arabic: 3, "paren-arabic": 4 };

export interface Numbering {
  style: NumberingStyle;
  number: number;
  /** Length of the numbering prefix, including its separator and following spaces. */
  length: number;
}

const CN_DIGITS = "[一二三四五六七八九十]{1,3}";
const PATTERNS: readonly [NumberingStyle, RegExp][] = [
  ["paren-cn", new RegExp(`^\\(\\s*(${CN_DIGITS})\\s*\\)\\s*[、.]?\\s*`, "u")],
  ["paren-arabic", /^\(\s*(\d{1,2})\s*\)\s*[、.]?\s*/u],
  ["paren-arabic", /^([①②③④⑤⑥⑦⑧⑨⑩])\s*/u],
  ["cn", new RegExp(`^(${CN_DIGITS})\\s*[、.,]\\s*`, "u")],
  ["cn", new RegExp(`^第(${CN_DIGITS})部分\\s*[、.,:]?\\s*`, "u")],
  ["cn", new RegExp(`^(${CN_DIGITS})\\s+(?=\\p{Script=Han}{4})`, "u")],
  ["arabic", /^(\d{1,2})\s*(?:[.、](?!\d)|\s+(?=\p{Script=Han}))\s*/u],
];
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/** Reads a heading number at the start of a line: 一、 （一） (一) 1. 1． 1、 （1） ①. */
export function readNumbering(text: string): Numbering | null {
  const normalized = toHalfWidth(text);
  for (const [style, pattern] of PATTERNS) {
    const m = pattern.exec(normalized);
    const digits = m?.[1];
    if (!m || digits === undefined) continue;
    const number = /^\d+$/u.test(digits) ? Number(digits) : CIRCLED.includes(digits) ? CIRCLED.indexOf(digits) + 1 : parseChineseNumeral(digits);
    if (number === null || number < 1) continue;
    return { style, number, length: m[0].length };
  }
  return null;
}

/** 一是 / 二是 / 第一， enumerators that lead a paragraph (not heading numbers). */
export function readLead(text: string): { number: number; length: number } | null {
  const m = new RegExp(`^(?:(${CN_DIGITS})是|第(${CN_DIGITS})[,，、])`, "u").exec(text);
  const digits = m?.[1] ?? m?.[2];
  if (!m || digits === undefined) return null;
  const number = parseChineseNumeral(digits);
  return number === null ? null : { number, length: m[0].length };
}

export function stripHeadingNumbering(text: string): string {
  const numbering = readNumbering(text);
  return (numbering === null ? text : text.slice(numbering.length)).trim();
}
