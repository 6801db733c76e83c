import { parseChineseNumeral, toChineseNumeral } from "./chinese-numeral";
import { toHalfWidth } from "./to-half-width";

/*
 * The one table of 公文 heading numbers (GB/T 9704 7.3.3), read by import (to find headings and
 * their levels) and by the checks (NUM-01–NUM-05, to flag a number written in the wrong form).
 */

export type NumberingLevel = 1 | 2 | 3 | 4;

/** Each level's number as the standard writes it: 一、 （一） 1. （1）. */
export const CANONICAL_NUMBER: Readonly<Record<NumberingLevel, (n: number) => string>> = {
  1: (n) => `${toChineseNumeral(n)}、`,
  2: (n) => `（${toChineseNumeral(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

export interface HeadingNumber {
  level: NumberingLevel;
  /** The numeral as written ("二", "3", "①"). */
  numeral: string;
  /** Its value; null for a malformed numeral such as 一一. */
  number: number | null;
  /** The number token as written, its separator included ("二.", "(三)", "1、", "第二部分"). */
  written: string;
  /** The token as GB/T 9704 writes it at this level; "1．" (U+FF0E) is accepted beside "1.". */
  canonical: string;
  /** Characters of the numbering prefix, the spaces after it included. */
  length: number;
}

interface Form {
  level: NumberingLevel;
  /** Matched on half-width text; group 1 is the numeral. */
  pattern: RegExp;
  /** Forms without a separator (一 加强领导, 1 加强领导, 第一部分, ①) are headings only to the importer. */
  loose: boolean;
}

const HAN = "[一二三四五六七八九十]{1,3}";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";

/** Most specific first: a parenthesised number before a bare one. */
const FORMS: readonly Form[] = [
  { level: 2, pattern: new RegExp(`^\\(\\s*(${HAN})\\s*\\)(?:\\s*[、.,])?`, "u"), loose: false },
  { level: 4, pattern: /^\(\s*(\d{1,2})\s*\)(?:\s*[、.,])?/u, loose: false },
  { level: 4, pattern: /^(\d{1,2})\)/u, loose: false },
  { level: 4, pattern: new RegExp(`^([${CIRCLED}])`, "u"), loose: true },
  { level: 1, pattern: new RegExp(`^(${HAN})\\s*[、.,]`, "u"), loose: false },
  { level: 1, pattern: new RegExp(`^第(${HAN})部分(?:\\s*[、.,:])?`, "u"), loose: true },
  { level: 1, pattern: new RegExp(`^(${HAN})(?=\\s+\\p{Script=Han}{4})`, "u"), loose: true },
  { level: 3, pattern: /^(\d{1,2})(?:\.、|\.(?!\d)|[、,])/u, loose: false },
  { level: 3, pattern: /^(\d{1,2})(?=\s+\p{Script=Han})/u, loose: true },
];

/** 3月, 5 万, 12%: a number with a unit opens a sentence, not a level-3 heading. */
const QUANTITY = /^\d+\.?\d*\s*(?:年|月|日|%|万|亿)/u;

export interface ReadOptions {
  /** Also the forms without a separator that only the importer reads as headings. */
  loose?: boolean;
}

/** The heading number at the start of a line: 一、 （一） (一) 1. 1． 1、 （1） and, loosely, ① or 第一部分. */
export function readHeadingNumber(text: string, options: ReadOptions = {}): HeadingNumber | null {
  const normalized = toHalfWidth(text);
  for (const form of FORMS) {
    if (form.loose && options.loose !== true) continue;
    const m = form.pattern.exec(normalized);
    const numeral = m?.[1];
    if (!m || numeral === undefined) continue;
    if (form.level === 3 && QUANTITY.test(normalized)) return null;
    const number = /^\d+$/u.test(numeral)
      ? Number(numeral)
      : CIRCLED.includes(numeral)
        ? CIRCLED.indexOf(numeral) + 1
        : wellFormed(numeral);
    const written = text.slice(0, m[0].length);
    const spaces = /^\s*/u.exec(normalized.slice(m[0].length))?.[0].length ?? 0;
    const canonical = number === null ? written : CANONICAL_NUMBER[form.level](number);
    return {
      level: form.level,
      numeral: text.slice(m[0].indexOf(numeral), m[0].indexOf(numeral) + numeral.length),
      number,
      written,
      canonical: form.level === 3 && written === `${numeral}．` ? written : canonical,
      length: m[0].length + spaces,
    };
  }
  return null;
}

/**
 * How import reads a line's number: every form, loose ones included, and only well-formed
 * numbers from 1 (a line opening "一一" or "0." is not numbered).
 */
export function importedHeadingNumber(text: string): (HeadingNumber & { number: number }) | null {
  const found = readHeadingNumber(text, { loose: true });
  return found !== null && found.number !== null && found.number >= 1 ? { ...found, number: found.number } : null;
}

/** 十二 → 12, but 一一 or 十十 → null: only numerals as headings write them. */
function wellFormed(numeral: string): number | null {
  const n = parseChineseNumeral(numeral);
  return n !== null && n >= 1 && n <= 99 && toChineseNumeral(n) === numeral ? n : null;
}

/** 一是 / 二是 / 第一， enumerators that lead a paragraph (not heading numbers). */
export function readLead(text: string): { number: number; length: number } | null {
  const m = new RegExp(`^(?:(${HAN})是|第(${HAN})[,，、])`, "u").exec(text);
  const digits = m?.[1] ?? m?.[2];
  if (!m || digits === undefined) return null;
  const number = parseChineseNumeral(digits);
  return number === null ? null : { number, length: m[0].length };
}

/** A heading's words without its number: "二、主要举措" → "主要举措". */
export function stripHeadingNumbering(text: string): string {
  const numbering = importedHeadingNumber(text);
  return (numbering === null ? text : text.slice(numbering.length)).trim();
}
