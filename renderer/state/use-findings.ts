import { useDeferredValue, useMemo } from "react";
import { checkReport } from "../../core/checks/check-report";
import type { Finding } from "../../core/checks/finding";
import { localToday } from "../platform/local-today";
import { useReportStore, type ReportStore } from "./report-store";

/** The findings of core/checks on the report as it stands; deferred, so typing stays first. */
export function useFindings(store: ReportStore): Finding[] {
  const report = useReportStore(store, (s) => s.report);
  const body = useReportStore(store, (s) => s.body);
  const fields = useReportStore(store, (s) => s.fields);
  const template = useReportStore(store, (s) => s.template);
  const input = useDeferredValue(useMemo(() => ({ ...report, body, fields }), [report, body, fields]));
  return useMemo(() => checkReport(input, template, { today: localToday() }), [input, template]);
}
