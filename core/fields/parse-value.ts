import { Exact } from "./exact";
import { DecimalString } from "../model/decimal-string";
import type { DisplayScale, Qualifier } from "../model/field";
import { SCALE_FACTOR } from "./format-field";
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "../text/chinese-numeral";

/** A value as a clerk typed it, reduced to the model's parts. */
export interface ParsedValue {
  /** Exact, in base units: "36万" → "360000". */
  value: DecimalString;
  /** The scale the clerk wrote, or null when the number was typed without one. */
  scale: DisplayScale | null;
  qualifier: Qualifier;
  /** Decimals as typed in the written scale ("2.6万" → 1). */
  decimals: number;
  /** The unit typed after the number ("件", "%"), or null. */
  unit: string | null;
}

export type ParseResult = { ok: true; parsed: ParsedValue } | { ok: false; zh: string; en: string };

const PREFIX_QUALIFIERS: readonly [string, Qualifier][] = [
  ["累计", "累计"],
  ["超过", "超"],
  ["超", "超"],
  ["逾", "超"],
  ["约", "约"],
  ["近", "近"],
];

/*
 * Written by hand: no library parses the qualifier / 万 / 余 / unit grammar of Chinese statistics.
 * A number typed in Chinese numerals (两, 一千九百余, 二点六万) is first rewritten in Arabic digits.
 */
const BODY = /^(-?\d+(?:\.\d+)?)(万|亿)?(余|多)?([^\d\s.]*?)(以上|余)?$/;
/** A unit after the scale; 万/亿 there would be a second scale ("36万万"). */
const UNIT = /^(?:%|(?![万亿])[\u4e00-\u9fffA-Za-z²³/]{1,10})$/;

export interface ParseOptions {
  /** The field's unit: "36万元" for a field in 万元 is 36 万元, not 36 万 of 元. */
  unit?: string | null;
}

/** Parses what a clerk types into a field: "超36万", "1900余", "约26%", "93.26%", "36万件". */
export function parseValue(input: string, options: ParseOptions = {}): ParseResult {
  let text = normalise(input);
  let knownUnit: string | null = null;
  const unit = options.unit ?? null;
  if (unit !== null && unit !== "" && /^[万亿]/.test(unit)) {
    for (const tail of ["以上", ""]) {
      if (text.endsWith(unit + tail) && /[\d余万亿]/.test(text.slice(0, text.length - unit.length - tail.length).slice(-1))) {
        knownUnit = unit;
        text = text.slice(0, text.length - unit.length - tail.length) + tail;
        break;
      }
    }
  }
  if (text === "") return fail("请输入数值", "enter a number");
  let rest = text;
  let qualifier: Qualifier = "none";
  for (const [word, q] of PREFIX_QUALIFIERS) {
    if (rest.startsWith(word)) {
      qualifier = q;
      rest = rest.slice(word.length);
      break;
    }
  }
  if (PREFIX_QUALIFIERS.some(([word]) => rest.startsWith(word))) {
    return fail(
      `“${input}”含有多个修饰词，每个数值只能有一个（超、约、近、余、以上、累计）`,
      `"${input}" has more than one qualifier; a value takes one`,
    );
  }
  const match = BODY.exec(rest);
  if (!match) {
    return fail(
      `“${input}”不是可识别的数值；请用阿拉伯数字书写，如 360000、超36万、1900余、93.26%`,
      `"${input}" is not a number Nianbao can read; write it with Arabic digits, e.g. 360000, 超36万, 1900余, 93.26%`,
    );
  }
  const [, digits = "", scaleText, midYu, unitText = "", tail] = match;
  const suffix = midYu === undefined ? tail : midYu;
  if (midYu !== undefined && tail !== undefined) return fail(`“${input}”含有多个修饰词`, `"${input}" has more than one qualifier`);
  if (suffix !== undefined) {
    if (qualifier !== "none")
      return fail(`“${input}”含有多个修饰词，每个数值只能有一个`, `"${input}" has more than one qualifier; a value takes one`);
    qualifier = suffix === "以上" ? "以上" : "余";
  }
  if (knownUnit !== null && unitText !== "") return fail(`“${input}”的单位无法识别`, `"${input}": unknown unit`);
  const typedUnit = knownUnit ?? (unitText === "" ? null : unitText);
  if (knownUnit === null && typedUnit !== null && !UNIT.test(typedUnit))
    return fail(`“${input}”的单位“${typedUnit}”无法识别`, `"${input}": unknown unit "${typedUnit}"`);
  const scale: DisplayScale | null = scaleText === "万" || scaleText === "亿" ? scaleText : null;
  const base = new Exact(digits).mul(SCALE_FACTOR[scale ?? "none"]);
  const value = plainDecimal(base);
  if (!DecimalString.safeParse(value).success) {
    return fail(
      `“${input}”超出可保存的范围（最多 21 位整数、8 位小数）`,
      `"${input}" is out of range (at most 21 integer digits and 8 decimals)`,
    );
  }
  const decimals = digits.split(".")[1]?.length ?? 0;
  if (decimals > 4) return fail(`“${input}”小数位过多（最多 4 位）`, `"${input}" has too many decimals (at most 4)`);
  return { ok: true, parsed: { value, scale, qualifier, decimals, unit: typedUnit } };
}

/** A Exact as the model's plain decimal string: no exponent, no trailing zeros, no "-0". */
export function plainDecimal(d: Exact): string {
  if (d.isZero()) return "0";
  return d.toFixed();
}

function normalise(input: string): string {
  const text = input
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, (c, offset: number, s: string) => (/\d/.test(s[offset + 1] ?? "") ? "." : c))
    .replace(/[％]/g, "%")
    .replace(/[－−]/g, "-")
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, "$1")
    .replace(/[\s\u3000]+/g, "");
  return arabicNumerals(text);
}

const CHINESE_NUMBER = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+(?:点[${CHINESE_NUMERAL_CHARS}]*)?`);

/**
 * The first Chinese numeral of a value typed without Arabic digits, in Arabic digits: 两 → 2,
 * 三十二 → 32, 一千九百余 → 1900余, 二点六万 → 2.6万. A trailing 万/亿 stays the written scale.
 * Text that is not a well-formed numeral is left for the grammar to refuse.
 */
function arabicNumerals(text: string): string {
  if (/\d/.test(text)) return text;
  return text.replace(CHINESE_NUMBER, (run) => {
    const [whole = "", fraction] = run.split("点");
    const scale = /[万亿]$/.test(fraction ?? whole) && (fraction ?? whole).length > 1 ? (fraction ?? whole).slice(-1) : "";
    const integer = fraction === undefined ? whole.slice(0, whole.length - scale.length) : whole;
    const intValue = parseChineseNumeral(integer);
    if (intValue === null) return run;
    if (fraction === undefined) return `${intValue}${scale}`;
    const digits = [...fraction.slice(0, fraction.length - scale.length)].map((ch) => parseChineseNumeral(ch));
    if (digits.length === 0 || digits.some((d) => d === null || d > 9)) return run;
    return `${intValue}.${digits.join("")}${scale}`;
  });
}

function fail(zh: string, en: string): ParseResult {
  return { ok: false, zh, en };
}
