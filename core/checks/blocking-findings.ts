import type { Report } from "../model/report";
import type { Template } from "../model/template";
import { checkReport, type CheckOptions } from "./check-report";
import { DATE_EMPTY } from "./check-meta";
import type { Finding } from "./finding";

/**
 * What a report is about to become: a final export (`export --final`), an approved report
 * (签发, `workflow approve`) or a signed file (`sign`).
 */
export type BlockingPurpose = "final" | "approve" | "sign";

/**
 * The findings that stop `purpose`: every error, and an empty 成文日期 for a final export or a
 * signature (签发 fills it with the approval date, so it does not stop approval). Warnings never
 * block. Returned as errors, in the order `checkReport` gives.
 */
export function blockingOf(findings: readonly Finding[], purpose: BlockingPurpose): Finding[] {
  return findings.flatMap((f) => {
    if (f.severity === "error") return [f];
    if (f.id === DATE_EMPTY && purpose !== "approve") return [{ ...f, severity: "error" as const }];
    return [];
  });
}

/** Runs every check and keeps what blocks `purpose`; empty when the report may go ahead. */
export function blockingFindings(report: Report, template: Template, options: CheckOptions & { purpose: BlockingPurpose }): Finding[] {
  const { purpose, ...check } = options;
  return blockingOf(checkReport(report, template, check), purpose);
}
