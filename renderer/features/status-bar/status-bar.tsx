import { useMemo } from "react";
import { daysBetween } from "../../../core/text/chinese-date";
import { shownStatus } from "../../../core/fields/bound-growth";
import { MISSING_FIELD_TEXT } from "../../../core/doc/inline-text";
import type { BodyCount } from "../../../core/inspect/report-analysis";
import type { Field } from "../../../core/model/field";
import { shownFieldTextIn } from "../../editor/field-text";
import { localToday } from "../../platform/local-today";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useUiStore } from "../../state/ui-store";
import { useFindings, useReportAnalysis } from "../../state/report-analysis";
import "./status-bar.css";

/**
 * Characters a reader counts: the text and what each chip shows, without spaces. In two steps so
 * that a field edit recounts only the chips, not the whole 100-page text.
 */
function countCharacters(count: BodyCount, fields: Readonly<Record<string, Field>>): number {
  return count.chips.reduce((n, chip) => {
    const text = shownFieldTextIn(fields, chip.fieldId, chip.show, false);
    return n + (text === MISSING_FIELD_TEXT ? 0 : text.length);
  }, count.text);
}

/** Days from today to a deadline of the year after the report year, worded for the clerk. */
function deadline(name: string, reportYear: number, monthDay: string, today: string): { text: string; late: boolean } {
  const date = `${reportYear + 1}-${monthDay}`;
  const days = daysBetween(today, date);
  const [month, day] = monthDay.split("-").map(Number);
  const when = `${month ?? ""}月${day ?? ""}日`;
  if (days > 0) return { text: `距${name}（${when}）${days} 天`, late: days <= 14 };
  if (days === 0) return { text: `今天是${name}截止日（${when}）`, late: true };
  return { text: `${name}（${when}）已过 ${-days} 天`, late: true };
}

/** The bottom line of the window: pages, characters, fields to confirm, findings and deadlines. */
export function StatusBar({ store }: { store: ReportStore }) {
  const fields = useReportStore(store, (s) => s.fields);
  const reportYear = useReportStore(store, (s) => s.report.meta.reportYear);
  // The unit's own dates (a township's local notice) or the template's: 1月31日 for 信息公开.
  const dates = useReportStore(store, (s) => s.report.meta.deadlines ?? s.template.deadlines);
  const pageCount = useUiStore((s) => s.pageCount);
  // A boolean, not the revision itself: the bar does not re-render on every keystroke.
  const previewCurrent = useReportStore(store, (s) => pageCount !== null && pageCount.revision === s.revision);
  const findings = useFindings(store);
  const checked = useReportAnalysis(store, (a) => a !== null);
  // Counted with the checks, off the main thread (core/inspect/report-analysis.ts).
  const counted = useReportAnalysis(store, (a) => a?.count ?? null);
  const characters = useMemo(() => (counted === null ? null : countCharacters(counted, fields)), [counted, fields]);
  const unconfirmed = useMemo(() => Object.values(fields).filter((f) => shownStatus(fields, f) !== "confirmed").length, [fields]);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const today = localToday();
  const submit = deadline("报送", reportYear, dates.submit, today);
  const publish = deadline("公开", reportYear, dates.publish, today);
  const ui = useUiStore.getState;
  const pages = pageCount === null ? "页数：预览后显示" : `${pageCount.pages} 页${previewCurrent ? "" : "（上次预览）"}`;
  return (
    <footer className="status-bar" aria-label="状态栏">
      <button type="button" className="status-bar__item" title="打印预览，按 PDF 排版计算页数" onClick={() => ui().setExportDialog("pdf")}>
        {pages}
      </button>
      <span className="status-bar__item">{characters === null ? "正在统计字数" : `${characters.toLocaleString("zh-CN")} 字`}</span>
      <button
        type="button"
        className={`status-bar__item${unconfirmed > 0 ? " status-bar__item--todo" : ""}`}
        onClick={() => {
          ui().setFieldsFilter(unconfirmed > 0 ? "unconfirmed" : "all");
          ui().setPanel("fields");
        }}
      >
        未确认字段 {unconfirmed}
      </button>
      <button
        type="button"
        className={`status-bar__item${errors > 0 ? " status-bar__item--error" : ""}`}
        onClick={() => ui().setPanel("checks")}
      >
        错误 {checked ? errors : "…"}
      </button>
      <button
        type="button"
        className={`status-bar__item${warnings > 0 ? " status-bar__item--todo" : ""}`}
        onClick={() => ui().setPanel("checks")}
      >
        提醒 {checked ? warnings : "…"}
      </button>
      <span className={`status-bar__item status-bar__deadline${submit.late ? " status-bar__item--error" : ""}`}>{submit.text}</span>
      <span className={`status-bar__item status-bar__deadline${publish.late ? " status-bar__item--error" : ""}`}>{publish.text}</span>
    </footer>
  );
}
