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
