import { z } from "zod";
import { DecimalString } from "./decimal-string";

/** Letters, digits, "_", "-" and "." (a table cell's id reads table.row.column: t3.new.natural). */
export const FieldId = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, "字段编号格式不正确 (bad field id)");
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

/**
 * How a number was written in the text, so that new values print the same way: 两座 → 三座,
 * 超 36 万件 → 超 38 万件, 百分之九十 → 百分之九十五. Absent for fields made by hand (digits, no spaces).
 */
export const WrittenForm = z.object({
  /** Arabic digits (36) or Chinese numerals (三十六, 二点六). */
  numerals: z.enum(["digits", "chinese"]),
  /** How a leading 2 reads in Chinese numerals: 两座, 两万 or 二百. */
  two: z.enum(["两", "二"]).default("两"),
  /** A leading 一 left out before 百, 千 or 万, as in 近千人次 and 近万人. */
  bareUnit: z.boolean().default(false),
  /** Thousands separators as written (1,900). */
  grouped: z.boolean().default(false),
  /** Full-width digits as written (３６). */
  fullWidth: z.boolean().default(false),
  /**
   * The words around the number exactly as written, "#" standing for the number in the field's
   * scale: "超 # 万件", "#余件", "#万余元", "百分之#". Used while it still names the field's
   * qualifier, scale and unit; otherwise the value prints in the default arrangement.
   */
  frame: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[^#]*#[^#]*$/, "数字写法格式不正确 (bad written frame)"),
});
export type WrittenForm = z.infer<typeof WrittenForm>;

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

/**
 * What a value must be to be accepted at all (a table's counts: whole numbers ≥ 0; a fee in 万元:
 * ≤ 2 decimals). A constrained field holds an exact figure: no 超/约, printed unscaled.
 */
export const FieldConstraints = z.object({
  min: DecimalString.optional(),
  /** Decimal places the value may have; 0 for whole numbers. */
  maxDecimals: z.number().int().min(0).max(4).optional(),
});
export type FieldConstraints = z.infer<typeof FieldConstraints>;

/** A value derived from other fields (a table's 总计), computed by core/fields/formulas.ts, never typed. */
export const FieldFormula = z.object({ sum: z.array(FieldId).min(1).max(100) });
export type FieldFormula = z.infer<typeof FieldFormula>;

/**
 * One department's answer for a field, read from the data-request workbook it returned
 * (host/collect), or one town's figure in a county roll-up. Kept on the field whether or not it set the value: a conflicting answer waits
 * here for the clerk instead of being resolved by the program.
 */
export const FieldAnswer = z.object({
  department: z.string().min(1).max(200),
  fileName: z.string().max(255),
  requestId: z.string().min(1).max(64),
  /** 填报人 and 联系电话 as the department wrote them. */
  respondent: z.string().max(100).nullable(),
  phone: z.string().max(50).nullable(),
  readAt: z.iso.datetime({ offset: true }),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The number as answered, in the field's unit ("412345"), and the optional 超/约/… beside it. */
  answer: z.string().max(100),
  qualifier: Qualifier.optional(),
  note: z.string().max(2000).nullable(),
  /** The input cell held this formula; `answer` is the value the spreadsheet program last computed, never ours. */
  formula: z.string().max(1000).optional(),
  /** applied: the field's value was taken from this answer; conflict: kept aside, the value left as it was. */
  outcome: z.enum(["applied", "conflict"]),
  /** Why it was kept aside: another answer differs, or the clerk had already confirmed another value. */
  conflict: z.enum(["answers", "confirmed"]).optional(),
  /**
   * rollup: a town's report read into a county report (`department` is the town's 发文机关, the file
   * its report, `requestId` its report id); absent: a department's workbook.
   */
  via: z.literal("rollup").optional(),
});
export type FieldAnswer = z.infer<typeof FieldAnswer>;

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
  /** The sentence fragment an imported value was recognised in (受理信访件 590 件), as the source wrote it. */
  sourceText: z.string().max(500).optional(),
  /** How the number was written where it was imported from; new values print the same way. */
  written: WrittenForm.optional(),
  /** The field is a cell of the template's table `table`: it prints as a bare number (the unit is in the header). */
  cell: z.object({ table: z.string().min(1).max(40) }).optional(),
  formula: FieldFormula.optional(),
  constraints: FieldConstraints.optional(),
  /** Departments' answers from returned data-request workbooks, oldest first; absent in older files. */
  provenance: z.array(FieldAnswer).max(200).optional(),
});
export type Field = z.infer<typeof Field>;
export type FieldInput = z.input<typeof Field>;
