import { fieldTextResolver } from "../fields/field-text";
import type { PlanDecision, Report } from "../model/report";
import { collectParagraphs } from "./collect-paragraphs";

/**
 * The link to the first body paragraph of this year's report that contains the quote (numbers
 * read as printed), so a plan item points at where the report answers it; null when none does.
 */
export function findQuote(report: Report, quote: string): NonNullable<PlanDecision["link"]> | null {
  const wanted = quote.trim();
  if (wanted === "") return null;
  const found = collectParagraphs(report.body, fieldTextResolver(report, report.meta.profile)).find((p) => p.text.includes(wanted));
  return found === undefined ? null : { path: found.path, quote: wanted };
}
