import { MISSING_FIELD_TEXT } from "../../core/doc/inline-text";
import { formatField } from "../../core/fields/format-field";
import type { Field } from "../../core/model/field";

/** The placeholder a YoY atom shows until the comparison service is wired in. */
export const YOY_PENDING_TEXT = "【同比】";

/** What a field atom reads as, in the chip, in plain-text copy and in HTML copy. */
export function fieldText(field: Field | undefined, show: "value" | "yoy"): string {
  if (show === "yoy") return YOY_PENDING_TEXT;
  if (field === undefined) return MISSING_FIELD_TEXT;
  return formatField(field) ?? MISSING_FIELD_TEXT;
}
