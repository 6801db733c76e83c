import type { FieldTextResolver } from "../doc/inline-text";
import type { Field } from "../model/field";
import type { LayoutProfile } from "../model/layout-profile";
import { effectiveValue } from "./bound-growth";
import { fieldYoy, type YoyResult } from "./compare-yoy";
import { formatValue } from "./format-field";

export interface FieldSource {
  fields: Readonly<Record<string, Field>>;
}

export type FieldShow = "value" | "yoy";

/** The YoY a field's "yoy" atom words: a bound growth field speaks for its base field. */
export function yoyOf(source: FieldSource, field: Field): YoyResult | null {
  if (field.kind === "growth" && field.baseFieldId !== null) {
    const base = source.fields[field.baseFieldId];
    return base ? fieldYoy(base) : null;
  }
  return fieldYoy(field);
}

/**
 * What a field atom reads in the text, for the editor, inspect and the exporters alike:
 * show "value" is the formatted value (a bound growth field's computed one), show "yoy" the
 * computed wording ("同比增长11.11%", "提高2.24个百分点"). Undefined when there is nothing to show.
 */
export function fieldText(
  source: FieldSource,
  fieldId: string,
  show: FieldShow,
  profile?: Pick<LayoutProfile, "thousandsSeparator">,
): string | undefined {
  const field = source.fields[fieldId];
  if (!field) return undefined;
  if (show === "yoy") return yoyOf(source, field)?.wording;
  // A table cell prints the bare number: its unit is in the table's header or implied by the format.
  const text = formatValue(
    {
      ...field,
      value: effectiveValue(source.fields, field),
      ...(field.cell === undefined ? {} : { unit: null, qualifier: "none" as const }),
    },
    { thousandsSeparator: profile?.thousandsSeparator === true },
  );
  return text ?? undefined;
}

/** fieldText bound to one report, in the shape core/doc's inlineText and the TipTap node take. */
export function fieldTextResolver(source: FieldSource, profile?: Pick<LayoutProfile, "thousandsSeparator">): FieldTextResolver {
  return (fieldId, show) => fieldText(source, fieldId, show, profile);
}
