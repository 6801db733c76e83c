import { Exact } from "./exact";
import type { DisplayScale, Field, Qualifier } from "../model/field";

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
}

/** The number as the text shows it, in the author's scale and decimals: 360000 in 万 → "36". */
export function displayDigits(value: string, scale: DisplayScale, decimals: number): string {
  return new Exact(value).div(SCALE_FACTOR[scale]).toFixed(decimals, Exact.ROUND_HALF_UP);
}

/**
 * A value as running text writes it: 超36万件, 1900余件, 约26%, 累计7万平方米.
 * 余 follows the number (and its scale), 以上 the unit; every other qualifier precedes the number.
 */
export function formatValue(v: FormattableValue, options: FormatOptions = {}): string | null {
  if (v.value === null) return null;
  let digits = displayDigits(v.value, v.scale, v.decimals);
  if (options.thousandsSeparator === true) digits = groupThousands(digits);
  const scaleText = v.scale === "none" ? "" : v.scale;
  const unit = v.unit ?? "";
  if (v.qualifier === "余") return `${digits}${scaleText}余${unit}`;
  if (v.qualifier === "以上") return `${digits}${scaleText}${unit}以上`;
  const prefix = v.qualifier === "none" ? "" : v.qualifier;
  return `${prefix}${digits}${scaleText}${unit}`;
}

export function formatField(field: Field, options: FormatOptions = {}): string | null {
  return formatValue(field, options);
}

function groupThousands(digits: string): string {
  const [int = "", frac] = digits.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}
