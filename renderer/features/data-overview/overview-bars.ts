import type { DocNode } from "../../../core/model/doc";
import type { Field } from "../../../core/model/field";
import { Exact } from "../../../core/fields/exact";
import { displayDigits, formatValue, SCALE_FACTOR } from "../../../core/fields/format-field";
import { fieldsInDocumentOrder } from "../../../core/doc/fields-in-document-order";

/** Rates (%) and counts never share an axis: 95% next to 360000 件 would flatten one of them. */
export type OverviewScale = "rate" | "count";

export interface OverviewBar {
  fieldId: string;
  /** The field's full label, as the 字段 panel shows it. */
  label: string;
  scale: OverviewScale;
  thisYear: number;
  lastYear: number;
  /** (this − last) / |last|, signed; ±Infinity when last year was 0 and this year is not. */
  change: number;
  /**
   * The two values in digits and the default arrangement (超40万件, 95.5%), alike for both years:
   * a chart reads 2座 where the text may say 两座.
   */
  thisText: string;
  lastText: string;
}

export interface OverviewEntry {
  fieldId: string;
  label: string;
}

export interface DataOverview {
  rates: OverviewBar[];
  counts: OverviewBar[];
  /** Fields with no value this year: 未填. */
  unfilled: OverviewEntry[];
  /** Fields with a value this year but none for last year: 无上年数. */
  noLastYear: OverviewEntry[];
}

const SCALE_OF: Readonly<Record<Field["kind"], OverviewScale | null>> = {
  percent: "rate",
  ratio: "rate",
  count: "count",
  amount: "count",
  // A 同比 field is a change already: its base field's bar shows it.
  growth: null,
};

export function fieldLabel(field: Field): string {
  return field.label === "" ? "未命名字段" : field.label;
}

/**
 * What the 数据概览 chart draws: every rate and count with both years' values, the biggest
 * relative change first (document order among equals); the rest listed, never drawn as zero.
 */
export function dataOverview(body: DocNode, fields: Readonly<Record<string, Field>>): DataOverview {
  const ordered = fieldsInDocumentOrder(body, fields).flatMap((g) => g.fields);
  const overview: DataOverview = { rates: [], counts: [], unfilled: [], noLastYear: [] };
  const bars: OverviewBar[] = [];
  for (const field of ordered) {
    const scale = SCALE_OF[field.kind];
    if (scale === null) continue;
    const entry = { fieldId: field.id, label: fieldLabel(field) };
    if (field.value === null) {
      overview.unfilled.push(entry);
      continue;
    }
    const last = field.lastYear;
    if (last === null || last.value === null) {
      overview.noLastYear.push(entry);
      continue;
    }
    const thisYear = Number(field.value);
    const lastYear = Number(last.value);
    bars.push({
      ...entry,
      scale,
      thisYear,
      lastYear,
      change: relativeChange(thisYear, lastYear),
      thisText: formatValue({ ...field, written: undefined }) ?? field.value,
      lastText: formatValue({ ...last, decimals: publishedDecimals(last.value, last.scale) }) ?? last.value,
    });
  }
  // Array.prototype.sort is stable: equal changes keep document order.
  bars.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  overview.rates = bars.filter((b) => b.scale === "rate");
  overview.counts = bars.filter((b) => b.scale === "count");
  return overview;
}

/**
 * Last year's figure as published (93.26%), whatever precision this year's value was typed in:
 * the fewest decimals that show it without rounding.
 */
function publishedDecimals(value: string, scale: Field["scale"]): number {
  const exact = new Exact(value);
  for (let decimals = 0; decimals < 4; decimals++) {
    if (new Exact(displayDigits(value, scale, decimals)).mul(SCALE_FACTOR[scale]).eq(exact)) return decimals;
  }
  return 4;
}

function relativeChange(thisYear: number, lastYear: number): number {
  if (lastYear === 0) return thisYear === 0 ? 0 : Math.sign(thisYear) * Infinity;
  return (thisYear - lastYear) / Math.abs(lastYear);
}

/** 同比 as a clerk reads it: +12.3%, −4%, 持平, 上年为 0. */
export function changeText(change: number): string {
  if (!Number.isFinite(change)) return "上年为 0";
  if (change === 0) return "持平";
  const percent = Math.abs(change * 100);
  const digits = percent >= 100 ? 0 : 1;
  return `${change > 0 ? "+" : "−"}${percent.toFixed(digits).replace(/\.0$/, "")}%`;
}
