import { Exact } from "./exact";
import type { Field, FieldKind, Qualifier } from "../model/field";
import { isRateKind } from "./field-value-problems";
import { plainDecimal } from "./parse-value";

export interface YoyOperand {
  value: string | null;
  qualifier: Qualifier;
  exact?: boolean | undefined;
}

export type YoyDirection = "up" | "down" | "flat";

export interface YoyResult {
  /** percent: counts and amounts (同比增长X%); points: rates (提高X个百分点); lastYearZero: no percentage exists. */
  mode: "percent" | "points" | "lastYearZero";
  direction: YoyDirection;
  /** The unrounded change: percent for counts, percentage points for rates. Null when last year was zero. */
  exact: string | null;
  /** The magnitude as worded, rounded half-up and without trailing zeros ("11.11", "3.2"). */
  shown: string | null;
  approximate: boolean;
  wording: string;
}

export const FLAT_WORDING = "与上年持平";
export const LAST_YEAR_ZERO_WORDING = "上年为零";

/**
 * Whether a value is only as precise as its text: 约/近 always are, 超/余/以上 only when marked
 * inexact (a clerk typed "超36万"), since the stored figure behind 超36万件 is usually the exact count.
 */
export function isApproximate(v: Pick<YoyOperand, "qualifier" | "exact">): boolean {
  if (v.qualifier === "none" || v.qualifier === "累计") return false;
  if (v.exact !== undefined) return !v.exact;
  return v.qualifier === "约" || v.qualifier === "近";
}

/**
 * This year against last year, worded as Chinese government reports word it. Counts and amounts
 * change by (this − last) / last; rates change in 百分点. Null when either value is missing, for a
 * growth rate (its own change means nothing), or when last year's count was negative.
 */
export function compareYoy(current: YoyOperand, last: YoyOperand, kind: FieldKind, growthDecimals = 2): YoyResult | null {
  if (current.value === null || last.value === null || kind === "growth") return null;
  const cur = new Exact(current.value);
  const prev = new Exact(last.value);
  const approximate = isApproximate(current) || isApproximate(last);
  if (isRateKind(kind)) return worded("points", cur.minus(prev), growthDecimals, approximate);
  if (prev.isNeg()) return null;
  if (prev.isZero()) {
    if (cur.isZero()) return { mode: "percent", direction: "flat", exact: "0", shown: "0", approximate, wording: FLAT_WORDING };
    return {
      mode: "lastYearZero",
      direction: cur.isPos() ? "up" : "down",
      exact: null,
      shown: null,
      approximate,
      wording: LAST_YEAR_ZERO_WORDING,
    };
  }
  return worded("percent", cur.minus(prev).mul(100).div(prev), growthDecimals, approximate);
}

const WORDS = {
  percent: { up: "同比增长", down: "同比下降", suffix: "%" },
  points: { up: "提高", down: "下降", suffix: "个百分点" },
} as const;

/** Rounds only for display: a change that rounds to zero is 持平, whatever its sign. */
function worded(mode: "percent" | "points", change: Exact, decimals: number, approximate: boolean): YoyResult {
  const shown = change.abs().toDecimalPlaces(decimals, Exact.ROUND_HALF_UP);
  const exact = plainDecimal(change);
  if (shown.isZero()) return { mode, direction: "flat", exact, shown: "0", approximate, wording: FLAT_WORDING };
  const direction = change.isPos() ? "up" : "down";
  const words = WORDS[mode];
  return {
    mode,
    direction,
    exact,
    shown: plainDecimal(shown),
    approximate,
    wording: `${words[direction]}${approximate ? "约" : ""}${plainDecimal(shown)}${words.suffix}`,
  };
}

/** A field against its own last-year value. */
export function fieldYoy(field: Field): YoyResult | null {
  if (field.lastYear === null) return null;
  return compareYoy(field, field.lastYear, field.kind, field.growthDecimals);
}
