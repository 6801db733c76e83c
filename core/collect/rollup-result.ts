import { z } from "zod";
import { FieldId, FieldKind, FieldStatus, Qualifier } from "../model/field";
import { ReportYear } from "../model/report";

/** At most this many town reports in one roll-up (a county has a few dozen towns at most). */
export const MAX_ROLLUP_TOWNS = 100;

/** One town report read for a roll-up, with what its own 检查 says about it. */
export const RollupTown = z.object({
  fileName: z.string().max(255),
  /** The town's 发文机关, the name the county report knows it by. */
  org: z.string().max(100),
  reportYear: ReportYear,
  /** 起草中 / 审核中 / 待签发 / 已签发 / 已公开. */
  stage: z.string(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  /** Numbers the town has not confirmed (its own 未确认字段). */
  unconfirmed: z.number().int().min(0),
  /** The town's 报送 date (YYYY-MM-DD) and the days left until it from today; negative when past. */
  submitBy: z.string(),
  daysLeft: z.number().int(),
});
export type RollupTown = z.infer<typeof RollupTown>;

/** One town's figure for a county field. */
export const RollupContribution = z.object({
  town: z.string(),
  fileName: z.string(),
  fieldId: FieldId,
  label: z.string(),
  /** In the county field's base unit. */
  value: z.string(),
  qualifier: Qualifier,
  /** The figure as a reader reads it: 约3,000家次, 95.5%. */
  text: z.string(),
  status: FieldStatus,
});
export type RollupContribution = z.infer<typeof RollupContribution>;

export const RollupRow = z.object({
  fieldId: FieldId,
  label: z.string(),
  kind: FieldKind,
  unit: z.string().nullable(),
  /** Counts and amounts add up; rates are averaged over the towns that report them. */
  method: z.enum(["sum", "average"]),
  /** What the towns' figures come to, in base units; null when no town reports this figure. */
  value: z.string().nullable(),
  qualifier: Qualifier,
  /** `value` as a reader reads it (约29,500家次), null with it. */
  text: z.string().nullable(),
  contributions: z.array(RollupContribution),
  /** Towns whose report has no figure for this field, or leaves it blank. */
  missing: z.array(z.string()),
  /** Towns whose figure is there but not confirmed by the town. */
  unconfirmed: z.array(z.string()),
  /** Towns whose matching figure could not be added in (another unit), and why. */
  mismatched: z.array(z.object({ town: z.string(), reason: z.string() })),
  /** The county field's value before the roll-up, in base units. */
  current: z.string().nullable(),
  /**
   * applied: set (unconfirmed) from the towns; unchanged: the county field already holds it;
   * confirmed: the county confirmed another value, which stays (the towns' figures are kept beside
   * it); empty: no town reports it; skipped: left out of this roll-up by the clerk.
   */
  outcome: z.enum(["applied", "unchanged", "confirmed", "empty", "skipped"]),
});
export type RollupRow = z.infer<typeof RollupRow>;

/** What a roll-up offers (or did, once applied), for the CLI and the app to show. */
export const RollupResult = z.object({
  towns: z.array(RollupTown),
  rows: z.array(RollupRow),
});
export type RollupResult = z.infer<typeof RollupResult>;
