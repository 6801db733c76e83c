import { Exact } from "./exact";
import type { FieldKind } from "../model/field";

export type ValueProblemCode = "rate_out_of_range" | "negative" | "fractional_count";

export interface ValueProblem {
  code: ValueProblemCode;
  zh: string;
  en: string;
}

/** The kinds whose value is a percentage and whose change is worded in 百分点. */
export function isRateKind(kind: FieldKind): boolean {
  return kind === "percent" || kind === "ratio";
}

/** Fields whose value reads as a percentage: rates, growth, and anything kept in %. */
export function isPercentKind(field: { kind: FieldKind; unit: string | null }): boolean {
  return isRateKind(field.kind) || field.kind === "growth" || field.unit === "%";
}

/** Values no real report can hold: a rate above 100% or below 0, a negative count, half a 件. */
export function fieldValueProblems(kind: FieldKind, value: string): ValueProblem[] {
  const d = new Exact(value);
  const problems: ValueProblem[] = [];
  if (isRateKind(kind) && (d.gt(100) || d.isNeg())) {
    problems.push({
      code: "rate_out_of_range",
      zh: `比率须在 0%–100% 之间，现为 ${value}%`,
      en: `a rate must lie between 0% and 100%, got ${value}%`,
    });
  }
  if ((kind === "count" || kind === "amount") && d.isNeg() && !d.isZero()) {
    problems.push({ code: "negative", zh: `数量不能为负数，现为 ${value}`, en: `a count or amount cannot be negative, got ${value}` });
  }
  if (kind === "count" && !d.isInteger()) {
    problems.push({
      code: "fractional_count",
      zh: `件数、次数须为整数，现为 ${value}`,
      en: `a count must be a whole number, got ${value}`,
    });
  }
  return problems;
}
