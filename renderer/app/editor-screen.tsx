import { lazy, Suspense, useEffect, useState } from "react";
import type { RecoverySummary } from "../../core/api/contract";
import { ReportEditor } from "../editor/report-editor";
import { FieldPopover } from "../features/field-popover/field-popover";
import { ChecksPanel } from "../features/checks-panel/checks-panel";
import { ExportDialog } from "../features/export-dialog/export-dialog";
import { FieldsPanel } from "../features/fields-panel/fields-panel";
import { OutlinePanel } from "../features/outline/outline-panel";
import { EditorContextMenu } from "../features/editor-context-menu/editor-context-menu";
import { ReportInfoDialog } from "../features/report-info/report-info-dialog";
import { StatusBar } from "../features/status-bar/status-bar";
import { Toolbar } from "../features/toolbar/toolbar";
import { lockedMessage } from "../state/locked-message";
import { isEditable } from "../../core/workflow/assert-editable";
import { useReportStore, type ReportStore } from "../state/report-store";
import { useSessionStore } from "../state/session-store";
import { useUiStore } from "../state/ui-store";
import { SideResizer, useSideWidth } from "../features/side-resizer/side-resizer";
import { useAutosave } from "./use-autosave";
import { useWindowTitle } from "./use-window-title";
import { TeamBar } from "../features/team/team-bar";
import type { TeamConnection } from "../team/team-connection";

// The chart library is large and only this panel draws charts: it loads when the panel opens.
const DataOverviewPanel = lazy(async () => ({
  default: (await import("../features/data-overview/data-overview-panel")).DataOverviewPanel,
}));
// Not needed for the first paint of a report (the outline is): they load when first opened,
// which keeps the word diff and the signing code out of the bundle a report opens with.
const loadComparePanel = () => import("../features/compare-panel/compare-panel");
const loadSignoffPanel = () => import("../features/signoff-panel/signoff-panel");
const ComparePanel = lazy(async () => ({ default: (await loadComparePanel()).ComparePanel }));
const SignoffPanel = lazy(async () => ({ default: (await loadSignoffPanel()).SignoffPanel }));

/** Fetched once the opened report has been drawn and the main thread is idle, so a click on them does not wait. */
function preloadPanels(): void {
  const load = () => void Promise.all([loadComparePanel(), loadSignoffPanel()]).catch(() => undefined);
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 3000 });
  else window.setTimeout(load, 0);
}

/** Focuses an element of a panel that may still be loading: tries each frame for up to two seconds. */
function focusWhenShown(selector: string): void {
  const until = performance.now() + 2000;
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element !== null) element.focus();
    else if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

export function EditorScreen({ store, team = null }: { store: ReportStore; team?: TeamConnection | null }) {
  useAutosave(store);
  useWindowTitle(store);
  const panel = useUiStore((s) => s.panel);
  const meta = useReportStore(store, (s) => s.report.meta);
  const locked = useReportStore(store, (s) => !isEditable(s.report));
  const sideWidth = useSideWidth(panel);
  useEffect(preloadPanels, []);
  return (
    <div className="editor-screen">
      <Toolbar store={store} />
      {team !== null && <TeamBar team={team} />}
      <RecoveryBanner store={store} />
      <LockedBanner store={store} />
      <div className="editor-layout">
        <aside className={`editor-side editor-side--${panel}`} style={{ width: sideWidth }}>
          {panel === "fields" ? (
            <FieldsPanel store={store} />
          ) : panel === "checks" ? (
            <ChecksPanel store={store} />
          ) : panel === "signoff" ? (
            <Suspense fallback={<p className="side-panel__empty">正在载入签发…</p>}>
              <SignoffPanel store={store} />
            </Suspense>
          ) : panel === "compare" ? (
            <Suspense fallback={<p className="side-panel__empty">正在载入上年对照…</p>}>
              <ComparePanel store={store} />
            </Suspense>
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
            <ReportEditor store={store} team={team} />
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
    focusWhenShown(".signoff-panel input[aria-label='姓名']");
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
