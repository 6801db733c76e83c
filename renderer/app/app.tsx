import { useEffect, useState } from "react";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { commands, runCommand } from "../commands/command-table";
import { DataCollectionDialog } from "../features/data-collection/data-collection-dialog";
import { RollupDialog } from "../features/rollup/rollup-dialog";
import { useWorkbookDrop } from "../features/data-collection/use-workbook-drop";
import { FileDialog } from "../features/file-dialog/file-dialog";
import { ImportDialog } from "../features/import-dialog/import-dialog";
import { StartPage } from "../features/start/start-page";
import { currentBridge } from "../platform/bridge";
import { createApi } from "../platform/api";
import { platformTransport } from "../platform/transport";
import { rememberedOpenPath, rememberedTemplateId, rememberedUnsavedReport, useSessionStore } from "../state/session-store";
import { useUiStore } from "../state/ui-store";
import { EditorScreen } from "./editor-screen";
import { errorText, notifyError } from "../state/notify-error";

export function App() {
  const session = useSessionStore((s) => s.session);
  const notice = useUiStore((s) => s.notice);
  const [fatal, setFatal] = useState<string | null>(null);
  const dragging = useWorkbookDrop();
  // A reload of an open report goes straight back to it: the start page (and the host calls it
  // makes) would only be in the way while the report loads.
  const [reopening, setReopening] = useState(() => rememberedOpenPath() !== null);

  useEffect(() => {
    void boot()
      .catch((error: unknown) => setFatal(errorText(error)))
      .finally(() => setReopening(false));
  }, []);
  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      const command = commands.find((c) => c.keyTest?.(event) === true);
      if (command === undefined) return;
      // Paragraph styles act on the text, not on a box being typed into.
      if (command.id.startsWith("format.") && event.target instanceof HTMLElement && event.target.closest("input, textarea") !== null)
        return;
      event.preventDefault();
      void runCommand(command.id);
    };
    window.addEventListener("keydown", handleKeyDown);
    const bridge = currentBridge();
    const unsubscribeCommands = bridge?.onCommand((id) => void runCommand(id));
    const unsubscribeOpen = bridge?.onOpenPath((path) => void openFromOs(path));
    return () => {
      window.removeEventListener("keydown", handleKeyDown);
      unsubscribeCommands?.();
      unsubscribeOpen?.();
    };
  }, []);
  useEffect(() => {
    if (notice === null) return;
    const timer = window.setTimeout(() => useUiStore.getState().clearNotice(), 5000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  useEffect(() => {
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      if (useSessionStore.getState().session?.store.getState().status === "dirty") event.preventDefault();
    };
    window.addEventListener("beforeunload", handleBeforeUnload);
    return () => window.removeEventListener("beforeunload", handleBeforeUnload);
  }, []);

  if (fatal !== null)
    return (
      <main className="start-page">
        <h1>年报</h1>
        <p className="error">{fatal}</p>
      </main>
    );
  return (
    <>
      {session !== null ? (
        <EditorScreen key={session.serial} store={session.store} team={session.team} />
      ) : reopening ? (
        <main className="start-page" aria-busy="true">
          <p className="muted">正在打开报告…</p>
        </main>
      ) : (
        <StartPage />
      )}
      <FileDialog />
      <ImportDialog />
      <DataCollectionDialog />
      <RollupDialog />
      {dragging && session !== null && (
        <div className="drop-overlay" aria-hidden="true">
          松开鼠标，读入各部门交回的数据征集表（.xlsx）
        </div>
      )}
      {/* Always there, so a modal dialog leaves it readable (use-modal-focus keeps live regions). */}
      <div className="notices" aria-live="polite">
        {notice !== null && (
          <div className={`notice notice--${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
            {notice.text}
          </div>
        )}
      </div>
    </>
  );
}

async function openFromOs(path: string): Promise<void> {
  const { api, session } = useSessionStore.getState();
  if (api === null) return;
  if (
    session?.store.getState().status === "dirty" &&
    !window.confirm("当前报告有未保存的修改，仍要打开另一个报告吗？（修改可从“恢复”中找回）")
  )
    return;
  try {
    await useSessionStore.getState().open(await api.openReport({ path }));
  } catch (error) {
    notifyError(error);
  }
}

async function boot(): Promise<void> {
  const transport = platformTransport();
  if (transport === null) {
    throw new NianbaoError("unauthorized", "缺少访问口令。请使用 nianbao serve 启动时显示的完整地址打开年报。", "missing token");
  }
  const api = createApi(transport);
  const path = rememberedOpenPath();
  const unsaved = rememberedUnsavedReport();
  // The three calls a reload needs go out together, not one after the other: the report and its
  // template (remembered with the path) do not depend on the host's answer to hostInfo.
  const info = api.hostInfo({});
  const opening = path === null ? null : api.openReport({ path });
  const templateId = path === null ? null : rememberedTemplateId();
  const template = templateId === null ? null : api.getTemplate({ templateId });
  // Settled later, in order; a failure is reported there, not as an unhandled rejection here.
  void opening?.catch(() => undefined);
  void template?.catch(() => undefined);
  useSessionStore.getState().connect(api, await info);
  try {
    if (opening !== null) {
      await useSessionStore.getState().open(await opening, template === null ? {} : { template: await template.catch(() => null) });
    } else if (unsaved !== null && (await api.listRecoveries({})).some((r) => r.reportId === unsaved)) {
      // A report never saved (new or imported) comes back from its autosaved copy.
      await useSessionStore.getState().open(await api.readRecovery({ reportId: unsaved }), { startDirty: true });
      useUiStore.getState().notify("info", "已恢复未保存的报告（最近一次自动保存的内容），请记得保存。");
    }
  } catch (error) {
    notifyError(error);
    useSessionStore.getState().close();
  }
}
