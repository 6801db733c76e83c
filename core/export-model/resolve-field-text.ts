import { fieldText } from "../fields/field-text";
import type { FieldNode } from "../model/doc";
import type { LayoutProfile } from "../model/layout-profile";
import type { Report } from "../model/report";

export type FieldText = { ok: true; text: string } | { ok: false; text: string; problem: string };

/**
 * The one place the export turns a field atom into words, through core/fields' fieldText (the
 * same wording the editor and inspect show): the value, or for show "yoy" the computed YoY.
 * What cannot be resolved prints as a visible 【…】 marker, never as silence.
 */
export function resolveFieldText(report: Report, atom: FieldNode["attrs"], profile: Pick<LayoutProfile, "thousandsSeparator">): FieldText {
  const field = report.fields[atom.fieldId];
  if (field === undefined) return { ok: false, text: `【缺失字段：${atom.fieldId}】`, problem: `字段“${atom.fieldId}”不存在` };
  const text = fieldText(report, atom.fieldId, atom.show, profile);
  if (text !== undefined) return { ok: true, text };
  if (atom.show === "yoy")
    return { ok: false, text: `【缺少同比：${field.label}】`, problem: `字段“${field.label}”无法计算同比（缺少本年或上年数值）` };
  // A table cell has no room for the label; the problem still names it.
  return { ok: false, text: field.cell === undefined ? `【待填：${field.label}】` : "【待填】", problem: `字段“${field.label}”尚无数值` };
}
