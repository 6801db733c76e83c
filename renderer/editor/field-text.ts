import { MISSING_FIELD_TEXT } from "../../core/doc/inline-text";
import { fieldText as coreFieldText } from "../../core/fields/field-text";
import type { ReportState } from "../state/report-state";

/**
 * What a field atom reads as in the chip, in plain-text copy and in HTML copy: the same text the
 * exporters print (core/fields), with the exporters' placeholder when there is nothing to show.
 */
export function fieldText(state: Pick<ReportState, "fields" | "report">, fieldId: string, show: "value" | "yoy"): string {
  return coreFieldText(state, fieldId, show, state.report.meta.profile) ?? MISSING_FIELD_TEXT;
}
