import Decimal from "decimal.js";
import type { DisplayScale, Field, Qualifier } from "../../core/model/field";

const PATTERN = /^(超过|超|约|近|累计)?\s*(-?\d{1,21}(?:\.\d{1,8})?)\s*(万|亿)?(余)?\s*([^\d\s]{0,10}?)(以上)?$/u;
const SCALE_FACTOR: Record<Exclude<DisplayScale, "none">, number> = { 万: 1e4, 亿: 1e8 };

export type ParsedNumber = Pick<Field, "value" | "unit" | "scale" | "qualifier" | "decimals" | "kind">;

/**
 * Reads a number a clerk selected in running text ("超36万件", "1900余件", "约26%") into a
 * field's parts. Hand-written because the phrasing is specific to Chinese report prose; the
 * fields service's own parser replaces this once it lands.
 */
export function parseSelectedNumber(text: string): ParsedNumber | null {
  const match = PATTERN.exec(text.trim().replace(/，|,/g, ""));
  if (match === null) return null;
  const [, prefix, digits = "", scaleText, yu, unitText = "", yishang] = match;
  const scale: DisplayScale = scaleText === "万" || scaleText === "亿" ? scaleText : "none";
  const value = scale === "none" ? new Decimal(digits) : new Decimal(digits).mul(SCALE_FACTOR[scale]);
  const qualifier: Qualifier = yu !== undefined ? "余" : yishang !== undefined ? "以上" : prefix === "超过" ? "超" : ((prefix as Qualifier | undefined) ?? "none");
  const unit = unitText === "" ? null : unitText;
  const decimals = digits.includes(".") ? (digits.split(".")[1] ?? "").length : 0;
  return { value: value.toFixed(), unit, scale, qualifier, decimals, kind: unit === "%" ? "percent" : "count" };
}
