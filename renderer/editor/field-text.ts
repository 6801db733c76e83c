import { MISSING_FIELD_TEXT } from "../../core/doc/inline-text";
import { fieldText as coreFieldText, type FieldSource } from "../../core/fields/field-text";
import type { Field } from "../../core/model/field";
import type { LayoutProfile } from "../../core/model/layout-profile";

/**
 * What a field atom reads as in the chip, in plain-text copy and in HTML copy: the same text the
 * exporters print (core/fields), with the exporters' placeholder when there is nothing to show.
 */
export function fieldText(
  source: FieldSource,
  fieldId: string,
  show: "value" | "yoy",
  profile?: Pick<LayoutProfile, "thousandsSeparator">,
): string {
  return coreFieldText(source, fieldId, show, profile) ?? MISSING_FIELD_TEXT;
}

/** The fields a chip's text depends on: the field itself and, for a bound growth field, its base. */
export function chipSource(field: Field | undefined, base: Field | undefined): FieldSource {
  const fields: Record<string, Field> = {};
  if (field !== undefined) fields[field.id] = field;
  if (base !== undefined) fields[base.id] = base;
  return { fields };
}

interface Shown {
  base: Field | undefined;
  show: "value" | "yoy";
  thousandsSeparator: boolean;
  text: string;
}

/** Fields are immutable (an edit makes a new object), so a text stays valid while its field object lives. */
const shownTexts = new WeakMap<Field, Shown[]>();

/**
 * A field's chip text, formatted once per field version however many chips show it: a field
 * in ten paragraphs of a long report is formatted (decimal arithmetic, 同比 wording) once per
 * edit, not ten times, and the status bar's character count reuses the chips' texts.
 */
export function shownFieldText(
  field: Field | undefined,
  base: Field | undefined,
  show: "value" | "yoy",
  thousandsSeparator: boolean,
): string {
  if (field === undefined) return MISSING_FIELD_TEXT;
  const known = shownTexts.get(field) ?? [];
  const hit = known.find((s) => s.base === base && s.show === show && s.thousandsSeparator === thousandsSeparator);
  if (hit !== undefined) return hit.text;
  const text = fieldText(chipSource(field, base), field.id, show, { thousandsSeparator });
  // At most value/yoy × separator on/off, for the current base: older bases are dropped.
  shownTexts.set(field, [...known.filter((s) => s.base === base), { base, show, thousandsSeparator, text }]);
  return text;
}

/** The same, for a field looked up among the report's fields (its base too, for a bound growth field). */
export function shownFieldTextIn(
  fields: Readonly<Record<string, Field>>,
  fieldId: string,
  show: "value" | "yoy",
  thousandsSeparator: boolean,
): string {
  const field = fields[fieldId];
  const base = field?.kind === "growth" && field.baseFieldId !== null ? fields[field.baseFieldId] : undefined;
  return shownFieldText(field, base, show, thousandsSeparator);
}
