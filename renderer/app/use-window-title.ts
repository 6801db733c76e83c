import { useEffect } from "react";
import { useReportStore, type ReportStore } from "../state/report-store";
import { fileNameOf } from "../platform/host-path";

/** The window title names the report and marks unsaved changes (Electron shows it natively). */
export function useWindowTitle(store: ReportStore): void {
  const title = useReportStore(store, (s) => s.report.meta.title);
  const status = useReportStore(store, (s) => s.status);
  const path = useReportStore(store, (s) => s.path);
  useEffect(() => {
    const file = path === null ? "未保存的新报告" : fileNameOf(path);
    document.title = `${status === "clean" ? "" : "● "}${title} — ${file} — 年报`;
    return () => {
      document.title = "年报";
    };
  }, [title, status, path]);
}
