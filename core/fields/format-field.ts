import { Exact } from "./exact";
import type { DisplayScale, Field, Qualifier, WrittenForm } from "../model/field";
import { toChineseNumber } from "../text/chinese-numeral";
import { toHalfWidth } from "../text/to-half-width";

export const SCALE_FACTOR: Record<DisplayScale, Exact> = { none: new Exact(1), 万: new Exact(1e4), 亿: new Exact(1e8) };

export interface FormatOptions {
  thousandsSeparator?: boolean;
}

export interface FormattableValue {
  value: string | null;
  unit: string | null;
  scale: DisplayScale;
  qualifier: Qualifier;
  decimals: number;
  /** How the number was written; absent for numbers typed into a new field. */
  written?: WrittenForm | undefined;
}

/** The number as the text shows it, in the author's scale and decimals: 360000 in 万 → "36". */
export function displayDigits(value: string, scale: DisplayScale, decimals: number): string {
  return new Exact(value).div(SCALE_FACTOR[scale]).toFixed(decimals, Exact.ROUND_HALF_UP);
}

/** Past this share of the value, rounding to the written scale no longer shows the value (202 in 万 reads 0万). */
const MAX_SCALE_ERROR = new Exact("0.05");

/**
 * The scale and decimals a value prints in: the field's own, unless rounding to it would misstate
 * the value (202 in a 万 field would read "0万"); then the value prints unscaled with its own
 * decimals (202平方米), never rounded away.
 */
export function shownScale(v: Pick<FormattableValue, "value" | "scale" | "decimals">): { scale: DisplayScale; decimals: number } {
  if (v.value === null || v.scale === "none") return { scale: v.scale, decimals: v.decimals };
  const exact = new Exact(v.value);
  const shown = new Exact(displayDigits(v.value, v.scale, v.decimals)).mul(SCALE_FACTOR[v.scale]);
  const fits = !shown.isZero() && shown.minus(exact).abs().lte(exact.abs().mul(MAX_SCALE_ERROR));
  if (fits || exact.isZero()) return { scale: v.scale, decimals: v.decimals };
  return { scale: "none", decimals: Math.min(4, exact.decimalPlaces()) };
}

/**
 * A value as running text writes it: 超36万件, 1900余件, 约26%, 累计7万平方米. A number with a
 * written form prints the way it was written (超 36 万件, 两座, 百分之九十) as long as that form
 * still names the field's qualifier, scale and unit. Otherwise 余 follows the number (and its
 * scale), 以上 the unit, and every other qualifier precedes the number.
 */
export function formatValue(v: FormattableValue, options: FormatOptions = {}): string | null {
  if (v.value === null) return null;
  const { scale, decimals } = shownScale(v);
  let digits = displayDigits(v.value, scale, decimals);
  const written = v.written;
  if (written !== undefined) {
    const frame = scale === v.scale ? written.frame : withoutScale(written.frame, v.scale);
    const number = writtenNumber(digits, written, options);
    if (number !== null && frameFits(frame, { ...v, scale })) return frame.replace("#", () => number);
    if (number !== null && written.numerals === "chinese") digits = number;
  }
  if (options.thousandsSeparator === true && /^-?\d/u.test(digits)) digits = groupThousands(digits);
  const number = digits;
  return defaultFrame({ ...v, scale }).replace("#", () => number);
}

/** The default arrangement, "#" for the number: 超#万件, #余件, #万元以上, 约#%. */
export function defaultFrame(v: Pick<FormattableValue, "qualifier" | "scale" | "unit">): string {
  const scaleText = v.scale === "none" ? "" : v.scale;
  const unit = v.unit ?? "";
  if (v.qualifier === "余") return `#${scaleText}余${unit}`;
  if (v.qualifier === "以上") return `#${scaleText}${unit}以上`;
  const prefix = v.qualifier === "none" ? "" : v.qualifier;
  return `${prefix}#${scaleText}${unit}`;
}

export function formatField(field: Field, options: FormatOptions = {}): string | null {
  return formatValue(field, options);
}

/** The number in the written numerals: 三十二, 1,900, ３６; null when Chinese numerals cannot say it (a negative). */
function writtenNumber(digits: string, written: WrittenForm, options: FormatOptions): string | null {
  // 三点零万 is not how anyone writes 3万: Chinese numerals drop the padding zeros of the fraction.
  if (written.numerals === "chinese") {
    const text = toChineseNumber(digits.replace(/(\.\d*?)0+$/u, "$1").replace(/\.$/u, ""), written.two);
    return written.bareUnit && text !== null && /^一[百千万亿]/u.test(text) ? text.slice(1) : text;
  }
  let text = written.grouped || options.thousandsSeparator === true ? groupThousands(digits) : digits;
  if (written.fullWidth) text = text.replace(/[0-9.,-]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  return text;
}

const PREFIXES: readonly Qualifier[] = ["累计", "超", "约", "近"];

/** Whether a written frame still says what the field holds: its qualifier, scale and unit, spaces aside. */
export function frameFits(frame: string, v: Pick<FormattableValue, "qualifier" | "scale" | "unit">): boolean {
  let rest = toHalfWidth(frame).replace(/\s/gu, "");
  const prefix = PREFIXES.find((q) => rest.startsWith(q));
  if ((prefix ?? "none") !== (PREFIXES.includes(v.qualifier) ? v.qualifier : "none")) return false;
  if (prefix !== undefined) rest = rest.slice(prefix.length);
  const after = rest.indexOf("#") + 1;
  const yu = /[余多]/u.exec(rest.slice(after));
  if ((yu !== null) !== (v.qualifier === "余")) return false;
  if (yu !== null) rest = rest.slice(0, after + yu.index) + rest.slice(after + yu.index + 1);
  const above = rest.endsWith("以上");
  if (above !== (v.qualifier === "以上")) return false;
  if (above) rest = rest.slice(0, -2);
  const scaleText = v.scale === "none" ? "" : v.scale;
  return rest === (v.unit === "%" && rest.startsWith("百分之") ? "百分之#" : `#${scaleText}${v.unit ?? ""}`);
}

/** The frame without its 万/亿 (and the spaces after it), for a value printed unscaled. */
function withoutScale(frame: string, scale: DisplayScale): string {
  if (scale === "none") return frame;
  const at = frame.indexOf(scale, frame.indexOf("#"));
  if (at < 0) return frame;
  const after = /^[\s\u3000]*/u.exec(frame.slice(at + 1))?.[0].length ?? 0;
  return frame.slice(0, at) + frame.slice(at + 1 + after);
}

function groupThousands(digits: string): string {
  const [int = "", frac] = digits.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}
