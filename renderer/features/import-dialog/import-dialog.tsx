import { useRef, useState, type DragEvent } from "react";
import type { ImportPreview, ImportSource } from "../../../core/api/contract";
import { MAX_UPLOAD_BYTES } from "../../../core/api/contract";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { notifyError as fail } from "../../state/notify-error";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";
import { FolderEntries, FolderRoots, useFolderBrowser } from "../folder-browser/folder-browser";
import { fileBase64 } from "../../platform/file-base64";
import { fileNameOf } from "../../platform/host-path";
import { useModalFocus } from "../modal/use-modal-focus";

const ACCEPT = ".docx,.md,.txt,.nianbao";
const FORMAT_NAMES: Record<ImportPreview["format"], string> = {
  docx: "Word 文档",
  md: "Markdown 文本",
  txt: "纯文本",
  nianbao: "年报文件",
};

/**
 * 导入上年报告: pick a file in the allowed folders, or drop / choose one from anywhere (its bytes
 * are uploaded, since a page never learns a dropped file's path), see what was recognised, confirm.
 */
export function ImportDialog() {
  const open = useUiStore((s) => s.importOpen);
  return open ? <ImportForm /> : null;
}

function ImportForm() {
  const api = useSessionStore((s) => s.api);
  const hostInfo = useSessionStore((s) => s.hostInfo);
  const browser = useFolderBrowser("listImportable");
  const [source, setSource] = useState<ImportSource | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [rollForward, setRollForward] = useState(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => useUiStore.getState().setImportOpen(false);
  useModalFocus(dialogRef, close);

  if (api === null) return null;
  const choose = async (next: ImportSource, label: string) => {
    setBusy(`正在识别 ${label}…`);
    setPreview(null);
    try {
      setPreview(await api.previewImport({ source: next }));
      setSource(next);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };
  const upload = async (file: File) => {
    if (!/\.(docx|md|txt|nianbao)$/i.test(file.name))
      return fail(new NianbaoError("invalid_input", "只能导入 .docx、.md、.txt 或 .nianbao 文件。", "bad type"));
    if (file.size > MAX_UPLOAD_BYTES) return fail(new NianbaoError("file_too_large", "文件过大（上限 20 MB）。", "too large"));
    setBusy(`正在读取 ${file.name}…`);
    try {
      const { uploadId } = await api.uploadImportFile({ name: file.name, dataBase64: await fileBase64(file) });
      await choose({ uploadId }, file.name);
    } catch (error) {
      setBusy(null);
      fail(error);
    }
  };
  const confirm = async () => {
    if (source === null) return;
    setBusy("正在导入…");
    try {
      const opened = await api.importReport({ source, rollForward });
      close();
      await useSessionStore.getState().open(opened, { startDirty: true });
      const first = opened.notices[0];
      useUiStore
        .getState()
        .notify("info", `已导入${rollForward ? "并生成新年度报告" : ""}，尚未保存。${first === undefined ? "" : `注意：${first}`}`);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };
  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) void upload(file);
  };

  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} className="modal modal--wide" role="dialog" aria-modal="true" aria-label="导入上年报告">
        <h2>导入上年报告</h2>
        <div
          className={`drop-zone${dragging ? " is-dragging" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={handleDrop}
        >
          把上年报告（.docx / .md / .txt / .nianbao）拖到这里，或
          {/* A button, not a label: the keyboard reaches it and Enter opens the system's file dialog. */}
          <button type="button" className="link" data-autofocus onClick={() => fileInput.current?.click()}>
            选择文件…
          </button>
          <input
            ref={fileInput}
            type="file"
            aria-label="选择要导入的文件"
            accept={ACCEPT}
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f !== undefined) void upload(f);
            }}
          />
        </div>
        <div className="file-dialog__roots">
          {hostInfo?.nativeDialogs === true && (
            <button
              type="button"
              onClick={() =>
                void api
                  .chooseOpenPath({ purpose: "import" })
                  .then(({ path }) => (path === null ? undefined : choose({ path }, fileNameOf(path))), fail)
              }
            >
              浏览…
            </button>
          )}
          <FolderRoots browser={browser} />
        </div>
        <FolderEntries
          browser={browser}
          label="可导入的文件"
          emptyText="此文件夹中没有可导入的文件。"
          renderFile={(entry) => (
            <button
              type="button"
              className="link"
              aria-pressed={source !== null && "path" in source && source.path === entry.path}
              onClick={() => void choose({ path: entry.path }, entry.name)}
            >
              📄 {entry.name}
            </button>
          )}
        />
        {busy !== null && (
          <p role="progressbar" aria-label={busy} className="progress">
            {busy}
          </p>
        )}
        {preview !== null && <PreviewSummary preview={preview} />}
        <label className="checkbox">
          <input type="checkbox" checked={rollForward} onChange={(e) => setRollForward(e.target.checked)} />
          以上年报告为基础新建 {preview === null ? "" : `${preview.reportYear + 1} 年度`}报告（上年数字转为“上年”，本年数字待逐一填写确认）
        </label>
        <div className="modal__actions">
          <button type="button" className="primary" disabled={preview === null || busy !== null} onClick={() => void confirm()}>
            确认导入
          </button>
          <button type="button" onClick={close}>
            取消
          </button>
        </div>
      </div>
    </div>
  );
}

function PreviewSummary({ preview }: { preview: ImportPreview }) {
  return (
    <section className="import-preview" aria-label="识别结果">
      <h3>
        识别结果：{preview.fileName}（{FORMAT_NAMES[preview.format]}）
      </h3>
      <p>
        {preview.title}
        <br />
        发文机关：{preview.org || "未识别"} · 年度：{preview.reportYear}
      </p>
      <h4>各部分（{preview.parts.length}）</h4>
      <ol>
        {preview.parts.map((p, i) => (
          <li key={i}>
            {p.heading || "（无标题）"}
            <span className="muted"> · {p.paragraphs} 段</span>
          </li>
        ))}
      </ol>
      <h4>数字（{preview.fields.length}）</h4>
      <p className="import-preview__fields">
        {preview.fields
          .slice(0, 60)
          .map((f) => `${f.label}：${f.shown}`)
          .join("；") || "未识别到数字。"}
        {preview.fields.length > 60 ? "……" : ""}
      </p>
      {preview.notices.length > 0 && (
        <ul className="import-preview__notices">
          {preview.notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
