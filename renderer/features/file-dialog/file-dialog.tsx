import { useRef, useState } from "react";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { notifyError as fail } from "../../state/notify-error";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";
import { FolderEntries, FolderRoots, useFolderBrowser } from "../folder-browser/folder-browser";
import { useModalFocus } from "../modal/use-modal-focus";

/**
 * Browser mode has no native dialogs: this lists the folders the user named at launch
 * (`serve --dir`), which are also the only places the host will read or write.
 */
export function FileDialog() {
  const mode = useUiStore((s) => s.fileDialog);
  return mode === null ? null : <FileDialogBody key={mode} mode={mode} />;
}

function FileDialogBody({ mode }: { mode: "open" | "save" }) {
  const api = useSessionStore((s) => s.api);
  const session = useSessionStore((s) => s.session);
  const browser = useFolderBrowser("listFolder");
  const { folder, entries } = browser;
  // Initial value in the first render, not an effect: keys typed at once must not be overwritten.
  const [name, setName] = useState(() => (session === null ? "" : `${session.store.getState().report.meta.title}.nianbao`));

  const dialogRef = useRef<HTMLDivElement>(null);
  const close = () => useUiStore.getState().setFileDialog(null);
  useModalFocus(dialogRef, close);
  if (api === null) return null;
  const openFile = async (path: string) => {
    close();
    await useSessionStore.getState().open(await api.openReport({ path }));
  };
  const saveHere = async () => {
    if (folder === null || session === null) return;
    const fileName = name.trim().endsWith(".nianbao") ? name.trim() : `${name.trim()}.nianbao`;
    if (/[\\/]/.test(fileName) || fileName === ".nianbao")
      return fail(new NianbaoError("invalid_input", "文件名不能为空，也不能含有 / 或 \\。", "bad file name"));
    const exists = entries.some((e) => e.kind === "report" && e.name === fileName);
    // The replaced file is kept as <name>.bak by the host, but the clerk should still decide.
    if (exists && !window.confirm(`“${fileName}”已存在。要替换它吗？（原文件会保留为 .bak 备份）`)) return;
    await session.store.getState().save(`${folder}/${fileName}`);
    close();
    useUiStore.getState().notify("info", "已保存。");
  };
  const title = mode === "open" ? "打开报告" : "保存报告";
  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} className="modal" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        <div className="file-dialog__roots">
          <FolderRoots browser={browser} />
        </div>
        <p className="muted">当前位置：{folder ?? "（无可用文件夹）"}</p>
        <FolderEntries
          browser={browser}
          emptyText="此文件夹中没有年报文件。"
          renderFile={(entry) =>
            mode === "open" ? (
              <button type="button" className="link" onClick={() => void openFile(entry.path).catch(fail)}>
                📄 {entry.name}
              </button>
            ) : (
              <button type="button" className="link" onClick={() => setName(entry.name)}>
                📄 {entry.name}
              </button>
            )
          }
        />
        {mode === "save" && (
          <label>
            文件名
            <input
              aria-label="文件名"
              data-autofocus
              value={name}
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && void saveHere().catch(fail)}
            />
          </label>
        )}
        <div className="modal__actions">
          {mode === "save" && (
            <button type="button" className="primary" onClick={() => void saveHere().catch(fail)}>
              保存到此处
            </button>
          )}
          <button type="button" onClick={close}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}
