import { parseValue } from "../../core/fields/parse-value";
import type { Field } from "../../core/model/field";

export type ParsedNumber = Pick<Field, "value" | "unit" | "scale" | "qualifier" | "decimals" | "kind" | "exact">;

/**
 * Reads a number a clerk selected in running text ("超36万件", "1900余件", "约26%") into a
 * field's parts, with the same grammar as typing into a field (core/fields/parse-value).
 */
export function parseSelectedNumber(text: string): ParsedNumber | null {
  const result = parseValue(text);
  if (!result.ok) return null;
  const { value, scale, qualifier, decimals, unit } = result.parsed;
  return {
    value,
    unit,
    scale: scale ?? "none",
    qualifier,
    decimals,
    kind: unit === "%" ? "percent" : "count",
    // As in applyTypedValue: a qualified number in the text is all that is known, not an exact figure.
    exact: qualifier === "none" || qualifier === "累计",
  };
}
