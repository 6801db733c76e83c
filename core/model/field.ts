import { z } from "zod";
import { DecimalString } from "./decimal-string";

export const FieldId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "字段编号格式不正确 (bad field id)");
export type FieldId = z.infer<typeof FieldId>;

/**
 * count: things counted (件, 个, 家次); amount: money or measures (万元, 平方米);
 * percent: a rate bounded 0–100 (结案率); ratio: a share of an external total (占全区总量约26%);
 * growth: a stated change rate (同比增长17.48%), computed from `baseFieldId` when bound.
 */
export const FieldKind = z.enum(["count", "amount", "percent", "ratio", "growth"]);
export type FieldKind = z.infer<typeof FieldKind>;

export const Qualifier = z.enum(["超", "约", "余", "近", "累计", "以上", "none"]);
export type Qualifier = z.infer<typeof Qualifier>;

/** How the value is shown: 360000 with scale 万 reads "36万". */
export const DisplayScale = z.enum(["none", "万", "亿"]);
export type DisplayScale = z.infer<typeof DisplayScale>;

export const FieldStatus = z.enum(["unconfirmed", "confirmed"]);
export type FieldStatus = z.infer<typeof FieldStatus>;

/** Last year's value as it was published, kept beside the current one for YoY. */
export const LastYearValue = z.object({
  value: DecimalString.nullable(),
  unit: z.string().nullable().default(null),
  scale: DisplayScale.default("none"),
  qualifier: Qualifier.default("none"),
  /** See Field.exact. */
  exact: z.boolean().optional(),
});
export type LastYearValue = z.infer<typeof LastYearValue>;

export const SeriesPoint = z.object({ year: z.number().int().min(1949).max(2200), value: DecimalString });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const Field = z.object({
  id: FieldId,
  label: z.string().max(200),
  kind: FieldKind,
  /** Exact value in base units: 36万件 is stored as "360000". */
  value: DecimalString.nullable(),
  unit: z.string().max(20).nullable(),
  scale: DisplayScale.default("none"),
  qualifier: Qualifier.default("none"),
  /**
   * Whether `value` is the exact figure behind a qualified display (超36万 over an exact 360123).
   * Unset: 约/近 values count as approximate, 超/余/以上 as exact; YoY wording says "约" for approximate ones.
   */
  exact: z.boolean().optional(),
  decimals: z.number().int().min(0).max(4).default(0),
  growthDecimals: z.number().int().min(0).max(4).default(2),
  status: FieldStatus,
  source: z.string().max(200).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
  lastYear: LastYearValue.nullable().default(null),
  baseFieldId: FieldId.nullable().default(null),
  /** Earlier years' values when a report chain continues (2022 → 2023 → 2024). */
  series: z.array(SeriesPoint).default([]),
});
export type Field = z.infer<typeof Field>;
export type FieldInput = z.input<typeof Field>;
