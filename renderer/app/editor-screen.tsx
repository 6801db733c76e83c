import { lazy, Suspense, useEffect, useState } from "react";
import type { RecoverySummary } from "../../core/api/contract";
import { ReportEditor } from "../editor/report-editor";
import { FieldPopover } from "../features/field-popover/field-popover";
import { ComparePanel } from "../features/compare-panel/compare-panel";
import { ChecksPanel } from "../features/checks-panel/checks-panel";
import { ExportDialog } from "../features/export-dialog/export-dialog";
import { FieldsPanel } from "../features/fields-panel/fields-panel";
import { SignoffPanel } from "../features/signoff-panel/signoff-panel";
import { OutlinePanel } from "../features/outline/outline-panel";
import { EditorContextMenu } from "../features/editor-context-menu/editor-context-menu";
import { ReportInfoDialog } from "../features/report-info/report-info-dialog";
import { StatusBar } from "../features/status-bar/status-bar";
import { Toolbar } from "../features/toolbar/toolbar";
import { lockedMessage } from "../features/signoff-panel/signoff-panel";
import { isEditable } from "../../core/workflow/assert-editable";
import { useReportStore, type ReportStore } from "../state/report-store";
import { useSessionStore } from "../state/session-store";
import { useUiStore } from "../state/ui-store";
import { SideResizer, useSideWidth } from "../features/side-resizer/side-resizer";
import { useAutosave } from "./use-autosave";
import { useWindowTitle } from "./use-window-title";

// The chart library is large and only this panel draws charts: it loads when the panel opens.
const DataOverviewPanel = lazy(async () => ({
  default: (await import("../features/data-overview/data-overview-panel")).DataOverviewPanel,
}));

export function EditorScreen({ store }: { store: ReportStore }) {
  useAutosave(store);
  useWindowTitle(store);
  const panel = useUiStore((s) => s.panel);
  const meta = useReportStore(store, (s) => s.report.meta);
  const locked = useReportStore(store, (s) => !isEditable(s.report));
  const sideWidth = useSideWidth(panel);
  return (
    <div className="editor-screen">
      <Toolbar store={store} />
      <RecoveryBanner store={store} />
      <LockedBanner store={store} />
      <div className="editor-layout">
        <aside className={`editor-side editor-side--${panel}`} style={{ width: sideWidth }}>
          {panel === "fields" ? (
            <FieldsPanel store={store} />
          ) : panel === "checks" ? (
            <ChecksPanel store={store} />
          ) : panel === "signoff" ? (
            <SignoffPanel store={store} />
          ) : panel === "compare" ? (
            <ComparePanel store={store} />
          ) : panel === "overview" ? (
            <Suspense fallback={<p className="side-panel__empty">正在载入数据概览…</p>}>
              <DataOverviewPanel store={store} />
            </Suspense>
          ) : (
            <OutlinePanel store={store} />
          )}
        </aside>
        <SideResizer panel={panel} width={sideWidth} />
        <main className={`page-scroll${locked ? " page-scroll--locked" : ""}`}>
          <article className="page" lang="zh-CN">
            <h1 className="report-title">{meta.title}</h1>
            <ReportEditor store={store} />
            <p className="report-closing">{meta.org}</p>
          </article>
        </main>
      </div>
      <EditorContextMenu />
      <StatusBar store={store} />
      <FieldPopover store={store} />
      <ReportInfoDialog store={store} />
      <ExportDialog store={store} />
    </div>
  );
}

/** An approved report is read-only; the banner says why, and 修订 leads to the step that reopens it. */
function LockedBanner({ store }: { store: ReportStore }) {
  const report = useReportStore(store, (s) => s.report);
  const message = lockedMessage(report);
  if (message === null) return null;
  const revise = () => {
    useUiStore.getState().setPanel("signoff");
    window.setTimeout(() => document.querySelector<HTMLInputElement>(".signoff-panel input[aria-label='姓名']")?.focus(), 0);
  };
  return (
    <div className="banner banner--locked" role="note">
      {message}
      <button type="button" className="banner__action" onClick={revise}>
        修订…
      </button>
    </div>
  );
}

/** After a reload or a crash, the autosaved copy of this very report is offered back. */
function RecoveryBanner({ store }: { store: ReportStore }) {
  const api = useSessionStore((s) => s.api);
  const [found, setFound] = useState<RecoverySummary | null>(null);
  useEffect(() => {
    if (api === null) return;
    const { report, status } = store.getState();
    if (status !== "clean") return;
    void api.listRecoveries({}).then(
      (list) => setFound(list.find((r) => r.reportId === report.id) ?? null),
      () => undefined,
    );
  }, [api, store]);
  if (found === null || api === null) return null;
  const restore = () =>
    void api.readRecovery({ reportId: found.reportId }).then((opened) => useSessionStore.getState().open(opened, { startDirty: true }));
  const discard = () => void api.discardRecovery({ reportId: found.reportId }).then(() => setFound(null));
  return (
    <div className="banner" role="alert">
      此报告有未保存的修改（自动保存于 {new Date(found.savedAt).toLocaleString("zh-CN")}）。
      <button type="button" onClick={restore}>
        恢复
      </button>
      <button type="button" onClick={discard}>
        丢弃
      </button>
    </div>
  );
}
