import type { Finding, Fix, Severity } from "../../../core/checks/finding";
import { locateField, pointAtPath, positionOfPath, selectTableCells } from "../../editor/locate";
import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { analyseNow, reportAnalysis, useReportAnalysis } from "../../state/report-analysis";
import type { ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";

const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "提醒", info: "提示" };
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** 检查: every finding of core/checks on the report as it stands, grouped by severity. */
export function ChecksPanel({ store }: { store: ReportStore }) {
  // Checked off the main thread a moment after each change (renderer/state/report-analysis.ts).
  const findings = useReportAnalysis(store, (a) => a?.findings ?? null);
  const fresh = useStore(reportAnalysis(store), (s) => s.fresh);
  // Opened, the panel first shows findings of the report as it stands, then follows the edits
  // (showing the last findings while the next are on their way, so it does not flicker).
  const [current, setCurrent] = useState(fresh);
  useEffect(() => analyseNow(store), [store]);
  useEffect(() => {
    if (fresh) setCurrent(true);
  }, [fresh]);
  if (findings === null || !current)
    return (
      <section className="side-panel" aria-label="检查" aria-busy="true">
        <header className="side-panel__header">
          <h2>检查</h2>
          <p className="muted">正在检查…</p>
        </header>
      </section>
    );
  return (
    // Busy while the findings shown are of an earlier state of the text and the next are on their way.
    <section className="side-panel" aria-label="检查" aria-busy={fresh ? undefined : true}>
      <header className="side-panel__header">
        <h2>检查</h2>
        <p className="muted">
          {findings.length === 0
            ? "未发现问题。"
            : SEVERITIES.map((s) => `${SEVERITY_NAMES[s]} ${findings.filter((f) => f.severity === s).length}`).join("，")}
        </p>
      </header>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity} className={`findings findings--${severity}`}>
            <h3>
              {SEVERITY_NAMES[severity]}（{group.length}）
            </h3>
            <ul aria-label={SEVERITY_NAMES[severity]}>
              {group.map((finding, i) => (
                <FindingItem key={`${finding.id}-${i}`} finding={finding} store={store} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function FindingItem({ finding, store }: { finding: Finding; store: ReportStore }) {
  const fix = finding.fix;
  return (
    <li className="finding">
      <button type="button" className="link finding__jump" onClick={() => jumpTo(finding)}>
        {finding.message}
      </button>
      {fix !== undefined && (
        <button type="button" className="finding__fix" onClick={() => applyFindingFix(fix, store)}>
          {fix.label}
        </button>
      )}
    </li>
  );
}

function jumpTo(finding: Finding): void {
  const editor = useSessionStore.getState().editor;
  if (editor === null) return;
  const { fieldId, path, part } = finding.location;
  // A finding about a table's cells selects them in its grid, the keyboard on the first; one
  // about the text (a figure in the prose that differs from the table) still points at the text.
  const target = path === null ? null : positionOfPath(editor, path);
  const aboutTable = target === null || editor.state.doc.nodeAt(target)?.type.name === "table";
  if (aboutTable && finding.fields !== undefined && finding.fields.length > 0 && selectTableCells(finding.fields)) return;
  if (path !== null && path[0] === "body" && pointAtPath(editor, path)) return;
  if (fieldId !== null) {
    useUiStore.getState().setPanel("fields");
    useUiStore.getState().setOnlyUnconfirmed(false);
    locateField(editor, fieldId);
    return;
  }
  if (part === null) return;
  const index = editor.state.doc.content.content.findIndex((n) => n.type.name === "part" && n.attrs["partId"] === part);
  if (index >= 0) pointAtPath(editor, ["body", "content", index]);
}

/** Fixes go through the editor or the unified history, so 撤销 takes them back. */
function applyFindingFix(fix: Fix, store: ReportStore): void {
  const { editor, history } = useSessionStore.getState();
  const notify = useUiStore.getState().notify;
  if (fix.type === "setRecipient") {
    store.getState().updateMeta({ recipient: fix.value });
    return;
  }
  if (fix.type === "setFieldValue") {
    history?.changeField({ fieldId: fix.fieldId, input: fix.value });
    return;
  }
  if (fix.type === "setWrittenFrame") {
    const field = store.getState().fields[fix.fieldId];
    if (field?.written !== undefined) history?.editField({ ...field, written: { ...field.written, frame: fix.frame } });
    return;
  }
  if (editor === null) return;
  const start = positionOfPath(editor, fix.path);
  const node = start === null ? null : editor.state.doc.nodeAt(start);
  if (start === null || node === null || !node.isText || node.text?.slice(fix.offset, fix.offset + fix.from.length) !== fix.from) {
    notify("error", "该处文字已改动，未自动修改，请手动核对。");
    return;
  }
  const from = start + fix.offset;
  const range = { from, to: from + fix.from.length };
  if (fix.to === "") editor.chain().focus().deleteRange(range).run();
  else editor.chain().focus().insertContentAt(range, fix.to).run();
}
