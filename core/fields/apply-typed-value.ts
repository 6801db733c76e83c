import { Field } from "../model/field";
import { fieldValueProblems, isPercentKind } from "./field-value-problems";
import { parseValue } from "./parse-value";

export type ApplyResult = { ok: true; field: Field } | { ok: false; zh: string; en: string };

/**
 * A field after the clerk typed `input` into it: a typed qualifier, scale and decimals replace the
 * old ones, a bare number keeps the field's qualifier and display scale ("38万" into 超36万 reads
 * 超38万). The status is left alone: whether a value is confirmed is the caller's decision
 * (core/edits/change-field.ts). Nonsense (text, exponent forms, a 150% rate, a negative count, a
 * unit of another kind) is refused.
 */
export function applyTypedValue(field: Field, input: string): ApplyResult {
  const result = parseValue(input, { unit: field.unit });
  if (!result.ok) return result;
  const parsed = result.parsed;
  const wantsPercent = isPercentKind(field);
  if (parsed.unit === "%" && !wantsPercent) {
    return refuse(field, `“${field.label}”是数量，不能填百分比`, `"${field.label}" is a count, not a percentage`);
  }
  if (parsed.unit !== null && parsed.unit !== "%" && field.unit !== null && parsed.unit !== field.unit) {
    return refuse(
      field,
      `单位“${parsed.unit}”与字段单位“${field.unit}”不一致`,
      `unit "${parsed.unit}" does not match the field's unit "${field.unit}"`,
    );
  }
  if (parsed.unit !== null && parsed.unit !== "%" && wantsPercent) {
    return refuse(
      field,
      `“${field.label}”是百分比，不能用单位“${parsed.unit}”`,
      `"${field.label}" is a percentage, not a quantity in "${parsed.unit}"`,
    );
  }
  const problem = fieldValueProblems(field.kind, parsed.value)[0];
  if (problem) return refuse(field, problem.zh, problem.en);
  const keepScale = parsed.scale === null && field.scale !== "none";
  const qualifier = parsed.qualifier === "none" ? field.qualifier : parsed.qualifier;
  const next = Field.safeParse({
    ...field,
    value: parsed.value,
    unit: field.unit ?? parsed.unit,
    scale: parsed.scale ?? field.scale,
    decimals: keepScale ? field.decimals : parsed.decimals,
    qualifier,
    // A qualified number typed by hand is all the clerk knows: it is not an exact figure.
    exact: qualifier === "none" || qualifier === "累计",
  });
  if (!next.success) return refuse(field, "数值无法保存", "the value cannot be stored");
  return { ok: true, field: next.data };
}

function refuse(field: Field, zh: string, en: string): ApplyResult {
  return { ok: false, zh: `${field.id}（${field.label}）：${zh}`, en: `${field.id}: ${en}` };
}
