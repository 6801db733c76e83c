import type { FieldNode } from "../model/doc";
import type { Report } from "../model/report";
import { formatField } from "../fields/format-field";

export type FieldText = { ok: true; text: string } | { ok: false; text: string; problem: string };

/**
 * The one place the export turns a field atom into words. The YoY wording belongs to
 * core/fields; when it lands, `show: "yoy"` switches to it here and nowhere else.
 */
export function resolveFieldText(report: Report, atom: FieldNode["attrs"]): FieldText {
  const field = report.fields[atom.fieldId];
  if (field === undefined) return { ok: false, text: `【缺失字段：${atom.fieldId}】`, problem: `字段“${atom.fieldId}”不存在` };
  const text = formatField(field, { thousandsSeparator: report.meta.profile.thousandsSeparator });
  if (text === null) return { ok: false, text: `【待填：${field.label}】`, problem: `字段“${field.label}”尚无数值` };
  return { ok: true, text };
}
