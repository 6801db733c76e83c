import type { Field, SeriesPoint } from "../model/field";
import { compareYoy, type YoyResult } from "./compare-yoy";

/** Every known year of a field, oldest first: its series, last year's value and this year's. */
export function seriesOf(field: Field, reportYear: number): SeriesPoint[] {
  const byYear = new Map<number, string>();
  for (const point of field.series) byYear.set(point.year, point.value);
  if (field.lastYear?.value != null) byYear.set(reportYear - 1, field.lastYear.value);
  if (field.value !== null) byYear.set(reportYear, field.value);
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
}

/** The change between each pair of consecutive known years (2022 → 2023, 2023 → 2024). */
export function seriesChanges(field: Field, reportYear: number): { year: number; yoy: YoyResult }[] {
  const points = seriesOf(field, reportYear);
  const changes: { year: number; yoy: YoyResult }[] = [];
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1];
    const cur = points[i];
    if (!prev || !cur || cur.year !== prev.year + 1) continue;
    const yoy = compareYoy(
      { value: cur.value, qualifier: "none" },
      { value: prev.value, qualifier: "none" },
      field.kind,
      field.growthDecimals,
    );
    if (yoy) changes.push({ year: cur.year, yoy });
  }
  return changes;
}

/**
 * The field as next year's report starts it: this year's value becomes last year's (with its
 * exactness), older years move into the series, and the value is empty and unconfirmed until the
 * clerk fills in and reviews the new year's figure.
 */
export function rollFieldForward(field: Field, fromYear: number): Field {
  const series = seriesOf(field, fromYear).filter((p) => p.year < fromYear);
  const { exact, ...rest } = field;
  return {
    ...rest,
    value: null,
    status: "unconfirmed",
    series,
    lastYear: {
      value: field.value,
      unit: field.unit,
      scale: field.scale,
      qualifier: field.qualifier,
      ...(exact === undefined ? {} : { exact }),
    },
  };
}
