import { fieldTextResolver } from "../fields/field-text";
import type { PartId } from "../model/part-id";
import type { Report } from "../model/report";
import type { Template } from "../model/template";
import type { CheckContext } from "./check-context";
import { checkDeadlines } from "./check-deadlines";
import { checkCarried, checkFields } from "./check-fields";
import { checkGrowth } from "./check-growth";
import { checkHiddenCharacters } from "./check-hidden-characters";
import { checkLastYear } from "./check-last-year";
import { checkMeta } from "./check-meta";
import { checkNumbering } from "./check-numbering";
import { checkPunctuation } from "./check-punctuation";
import { checkSpacing } from "./check-spacing";
import { checkRules } from "./check-rules";
import { checkStructure } from "./check-structure";
import { checkTables } from "./check-tables";
import { checkTextNumbers } from "./check-text-numbers";
import { checkYears } from "./check-years";
import type { Finding, Severity } from "./finding";
import { reportBlocks } from "./report-blocks";

export interface CheckOptions {
  /** Today as YYYY-MM-DD; core has no clock, so the caller passes it. */
  today: string;
  /** Per-part limits (0..1) on text unchanged from last year; COPIED_TEXT_LIMITS when absent. */
  copiedTextLimits?: Partial<Record<PartId, number>>;
}

const CHECKS = [
  checkStructure,
  checkFields,
  checkTables,
  checkRules,
  checkCarried,
  checkGrowth,
  checkYears,
  checkTextNumbers,
  checkNumbering,
  checkPunctuation,
  checkSpacing,
  checkHiddenCharacters,
  checkMeta,
  checkDeadlines,
  checkLastYear,
];
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Every check on a report, for `nianbao check` and the app's 检查 panel alike: errors first,
 * then warnings, then information, each group in document order.
 */
export function checkReport(report: Report, template: Template, options: CheckOptions): Finding[] {
  const context: CheckContext = {
    report,
    template,
    today: options.today,
    blocks: reportBlocks(report, fieldTextResolver(report, report.meta.profile)),
    ...(options.copiedTextLimits === undefined ? {} : { copiedTextLimits: options.copiedTextLimits }),
  };
  const findings = CHECKS.flatMap((check) => check(context));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
