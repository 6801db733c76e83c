import { z } from "zod";
import { NianbaoError } from "../errors/nianbao-error";
import { applyTypedValue } from "../fields/apply-typed-value";
import { withNumerals } from "../fields/with-numerals";
import { DecimalString } from "../model/decimal-string";
import { Exact } from "../fields/exact";
import { DisplayScale, Field, FieldAnswer, FieldId, Qualifier, type FieldConstraints } from "../model/field";

/**
 * One change to one field as the clerk makes it in the number popup, the fields table, a check's
 * fix or `nianbao fields`: every property is optional, absent ones stay as they are.
 */
export const FieldChange = z
  .object({
    fieldId: FieldId,
    /** The value box as typed: "超40万", "95.5%", "412345"; "" clears the value. */
    input: z.string().max(100).optional(),
    unit: z.string().trim().max(20).nullable().optional(),
    scale: DisplayScale.optional(),
    qualifier: Qualifier.optional(),
    /** 两座 ↔ 2座: the numerals the value prints in from now on. */
    numerals: z.enum(["digits", "chinese"]).optional(),
    label: z.string().trim().max(200).optional(),
    source: z.string().trim().max(200).nullable().optional(),
    /**
     * Departments' answers to record in the field's provenance (host/collect): appended, never
     * replaced; a roll-up's towns replace the previous roll-up's, which they supersede.
     */
    answers: z.array(FieldAnswer).min(1).max(100).optional(),
    /**
     * true: 确认数值; false: back to 未确认. Absent: a changed value is unconfirmed until someone
     * confirms it, an unchanged one keeps its status.
     */
    confirm: z.boolean().optional(),
  })
  .strict();
export type FieldChange = z.input<typeof FieldChange>;

/**
 * The field after `change`, or a NianbaoError in the clerk's words. The one implementation of
 * "typed value → field" behind the popup, the fields table, the checks panel and the CLI.
 */
export function changeField(field: Field, change: FieldChange): Field {
  if (field.formula !== undefined && (change.input !== undefined || change.confirm !== undefined)) {
    throw refused(
      field,
      "是合计，由各项数字自动计算，不能直接填写或确认；请修改和确认各项数字",
      "is a total computed from its inputs; set and confirm the inputs instead",
    );
  }
  const unit = change.unit === undefined ? field.unit : change.unit === "" ? null : change.unit;
  // Explicit choices (a unit, scale or qualifier picked from a list) apply before the typed text is read.
  let next: Field = {
    ...field,
    unit,
    scale: change.scale ?? field.scale,
    qualifier: change.qualifier ?? field.qualifier,
    ...(change.label === undefined ? {} : { label: change.label.trim() }),
    ...(change.source === undefined ? {} : { source: change.source === null || change.source.trim() === "" ? null : change.source.trim() }),
    ...(change.answers === undefined ? {} : { provenance: withAnswers(field.provenance ?? [], change.answers) }),
  };
  if (change.numerals !== undefined) next = withNumerals(next, change.numerals);
  if (change.qualifier !== undefined && change.qualifier !== field.qualifier) {
    next = { ...next, exact: change.qualifier === "none" || change.qualifier === "累计" };
  }
  const input = change.input?.trim();
  if (input === "") {
    next = { ...next, value: null };
  } else if (input !== undefined) {
    next = typed(next, input);
  }
  const valueChanged = next.value !== field.value;
  const status = statusAfter(field, next, change.confirm, valueChanged);
  const parsed = Field.safeParse({ ...next, status });
  if (!parsed.success) {
    throw new NianbaoError(
      "invalid_input",
      `${field.id}（${field.label}）：修改后的字段无效，未保存`,
      `field ${field.id}: the change makes the field invalid`,
    );
  }
  return parsed.data;
}

/**
 * The value box read the way reports write numbers. A plain decimal ("360500") is the figure
 * itself, so it keeps whether the field holds an exact figure behind a qualified display.
 */
function typed(field: Field, input: string): Field {
  const result = applyTypedValue(field, input);
  if (!result.ok) throw new NianbaoError("invalid_input", result.zh, result.en);
  if (field.constraints !== undefined) return constrained(field, field.constraints, input, result.field);
  if (!DecimalString.safeParse(input).success) return result.field;
  const { exact: _typedExact, ...rest } = result.field;
  return field.exact === undefined ? rest : { ...rest, exact: field.exact };
}

/** A constrained field takes an exact plain figure within its bounds, or refuses with the reason. */
function constrained(before: Field, constraints: FieldConstraints, input: string, after: Field): Field {
  if (after.qualifier !== "none") {
    throw refused(before, `须填写确数，不能带“${after.qualifier}”字样（输入为“${input}”）`, `needs an exact figure, not "${input}"`);
  }
  const value = new Exact(after.value ?? "0");
  if (constraints.min !== undefined && value.lt(new Exact(constraints.min))) {
    throw refused(before, `不能小于 ${constraints.min}（输入为“${input}”）`, `cannot be less than ${constraints.min}, got "${input}"`);
  }
  const places = value.decimalPlaces();
  if (constraints.maxDecimals !== undefined && places > constraints.maxDecimals) {
    throw constraints.maxDecimals === 0
      ? refused(before, `须为整数（输入为“${input}”）`, `must be a whole number, got "${input}"`)
      : refused(
          before,
          `最多保留 ${constraints.maxDecimals} 位小数${before.unit === null ? "" : `（单位：${before.unit}）`}（输入为“${input}”）`,
          `at most ${constraints.maxDecimals} decimal places, got "${input}"`,
        );
  }
  const { exact: _exact, written: _written, ...rest } = after;
  // Decimals as typed (1.50 stays 1.50), never more than the field allows.
  const decimals = after.scale === "none" ? Math.min(after.decimals, constraints.maxDecimals ?? after.decimals) : places;
  return { ...rest, scale: "none", decimals };
}

function statusAfter(before: Field, after: Field, confirm: boolean | undefined, valueChanged: boolean): Field["status"] {
  if (confirm === true) {
    if (after.value === null) throw refused(before, "尚无数值，不能确认", "has no value and cannot be confirmed");
    return "confirmed";
  }
  if (confirm === false) return "unconfirmed";
  return valueChanged ? "unconfirmed" : before.status;
}

function refused(field: Field, zh: string, en: string): NianbaoError {
  return new NianbaoError("invalid_input", `${field.id}（${field.label}）：${zh}`, `field ${field.id}: ${en}`);
}

function withAnswers(earlier: readonly FieldAnswer[], answers: readonly FieldAnswer[]): FieldAnswer[] {
  const kept = answers.some((a) => a.via === "rollup") ? earlier.filter((a) => a.via !== "rollup") : earlier;
  return [...kept, ...answers];
}
