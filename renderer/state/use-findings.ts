import { useDeferredValue, useMemo } from "react";
import { checkReport } from "../../core/checks/check-report";
import type { Finding } from "../../core/checks/finding";
import type { Template } from "../../core/model/template";
import type { Report } from "../../core/model/report";
import { localToday } from "../platform/local-today";
import { useReportStore, type ReportStore } from "./report-store";

let last: {
  report: Report;
  body: Report["body"];
  fields: Report["fields"];
  template: Template;
  today: string;
  findings: Finding[];
} | null = null;

/**
 * checkReport on these parts of the report; the status bar and each statutory table ask for the
 * same state at the same moment, so the last answer is kept and the check runs once.
 */
function findingsOf(report: Report, body: Report["body"], fields: Report["fields"], template: Template): Finding[] {
  const today = localToday();
  if (
    last !== null &&
    last.report === report &&
    last.body === body &&
    last.fields === fields &&
    last.template === template &&
    last.today === today
  )
    return last.findings;
  const findings = checkReport({ ...report, body, fields }, template, { today });
  last = { report, body, fields, template, today, findings };
  return findings;
}

/** The findings of core/checks on the report as it stands; deferred, so typing stays first. */
export function useFindings(store: ReportStore): Finding[] {
  const report = useReportStore(store, (s) => s.report);
  const body = useReportStore(store, (s) => s.body);
  const fields = useReportStore(store, (s) => s.fields);
  const template = useReportStore(store, (s) => s.template);
  const input = useDeferredValue(useMemo(() => ({ report, body, fields, template }), [report, body, fields, template]));
  return useMemo(() => findingsOf(input.report, input.body, input.fields, input.template), [input]);
}
