import { Exact } from "./exact";
import type { Field } from "../model/field";
import { isApproximate } from "./compare-yoy";
import { plainDecimal } from "./parse-value";

export interface BoundGrowth {
  base: Field;
  /** The unrounded change of the base field in percent, signed; null when it cannot be computed. */
  exact: string | null;
  approximate: boolean;
}

/**
 * The growth a growth field stands for, computed from its base field's two years. Undefined
 * when the field is not a bound growth field or its base is missing.
 */
export function boundGrowth(fields: Readonly<Record<string, Field>>, field: Field): BoundGrowth | undefined {
  if (field.kind !== "growth" || field.baseFieldId === null) return undefined;
  const base = fields[field.baseFieldId];
  if (!base) return undefined;
  const last = base.lastYear;
  const approximate = isApproximate(base) || (last !== null && isApproximate(last));
  if (base.value === null || last === null || last.value === null) return { base, exact: null, approximate };
  const prev = new Exact(last.value);
  if (!prev.isPos()) return { base, exact: null, approximate };
  return { base, exact: plainDecimal(new Exact(base.value).minus(prev).mul(100).div(prev)), approximate };
}

/**
 * The value a field shows. A bound growth field shows the size of its computed growth, rounded to
 * its decimals: the direction is in the words around it ("同比增长"), which the checker compares.
 */
export function effectiveValue(fields: Readonly<Record<string, Field>>, field: Field): string | null {
  const growth = boundGrowth(fields, field);
  if (growth === undefined || growth.exact === null) return field.value;
  return plainDecimal(new Exact(growth.exact).abs().toDecimalPlaces(field.decimals, Exact.ROUND_HALF_UP));
}

/**
 * The state a field shows: 【缺数】 ("empty"), 未确认 or 已确认. A bound growth field is computed:
 * it is as confirmed as its base once both years of the base are known, and needs no confirming
 * of its own.
 */
export function shownStatus(fields: Readonly<Record<string, Field>>, field: Field): "empty" | Field["status"] {
  const growth = boundGrowth(fields, field);
  if (growth !== undefined) return growth.exact === null ? (field.value === null ? "empty" : field.status) : growth.base.status;
  return field.value === null ? "empty" : field.status;
}
