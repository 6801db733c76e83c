import { useEffect, useMemo, useRef, useState } from "react";
import type { ExportedFont } from "../../../core/api/contract";
import type { Finding } from "../../../core/checks/finding";
import { PROFILE_PRESETS, PROFILE_PRESET_NAMES, type ProfilePresetName } from "../../../core/export-model/profile-presets";
import { localToday } from "../../platform/local-today";
import { analyseNow, useFindings } from "../../state/report-analysis";
import type { ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore, type ExportFormat, type LastExport } from "../../state/ui-store";
import { notifyError } from "../../state/notify-error";
import { fileNameOf } from "../../platform/host-path";
import { SaveTargetFields, useSaveTarget } from "../save-target/save-target";
import { useModalFocus } from "../modal/use-modal-focus";
import { PdfPreview } from "./pdf-preview";

const PROFILE_NAMES: Record<ProfilePresetName, string> = {
  strict: "GB/T 9704 标准",
  "bold-headings": "二、三级标题加粗",
  local: "本地常用（标题加粗、数字用 Times New Roman、仿宋）",
  "times-digits": "数字用 Times New Roman",
  "optical-top": "上边距视觉校正",
  "char-grid": "文档网格（每行 28 字）",
  unsealed: "不加盖印章",
};
const REPORT_PROFILE = "report";
type ProfileChoice = ProfilePresetName | typeof REPORT_PROFILE;

interface Done extends LastExport {
  fonts: ExportedFont[];
  /** What keeps the exported file a draft; empty for a final file. */
  blocking: Finding[];
}

/** The blocking findings a draft's result lists; the 检查 panel has them all. */
const LISTED_FINDINGS = 5;

/** 导出: Word and/or PDF with a layout profile, the fonts actually used, and where the files went. */
export function ExportDialog({ store }: { store: ReportStore }) {
  const format = useUiStore((s) => s.exportDialog);
  return format === null ? null : <ExportForm key={format} store={store} initial={format} />;
}

function ExportForm({ store, initial }: { store: ReportStore; initial: ExportFormat }) {
  const api = useSessionStore((s) => s.api);
  const hostInfo = useSessionStore((s) => s.hostInfo);
  const reportPath = store.getState().path;
  const saveTarget = useSaveTarget(reportPath, () => baseName(reportPath) ?? store.getState().report.meta.title, ["docx", "pdf"]);
  const { folder, cleanName, nameOk } = saveTarget;
  const [docx, setDocx] = useState(initial === "docx");
  const [pdf, setPdf] = useState(initial === "pdf");
  const [profile, setProfile] = useState<ProfileChoice>(REPORT_PROFILE);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  // Exporting a draft is normal; the clerk should still know it is one. The checks' worker has the
  // findings already (asked for now in case the last edit is not yet in them): nothing is checked here.
  const findings = useFindings(store);
  const errors = useMemo(() => findings.filter((f) => f.severity === "error").length, [findings]);
  useEffect(() => {
    analyseNow(store);
  }, [store]);
  const [preview, setPreview] = useState<{ pdfBase64: string; pages: number; fonts: ExportedFont[] } | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  // The dialog's own settings fill the screen above it: a new preview comes into sight, once.
  useEffect(() => {
    if (preview !== null) previewRef.current?.scrollIntoView({ block: "nearest" });
  }, [preview]);
  const close = () => useUiStore.getState().setExportDialog(null);
  useModalFocus(dialogRef, close);
  if (api === null) return null;

  const chosenProfile = profile === REPORT_PROFILE ? {} : { profile: PROFILE_PRESETS[profile] };
  const run = async () => {
    setBusy(true);
    setDone(null);
    try {
      const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
      const target = `${folder}${sep}${cleanName}`;
      // The host decides draft or final by the same rule as `nianbao export`, on the clerk's date.
      const result = await api.exportReport({
        report: store.getState().snapshot(),
        ...(docx ? { docxPath: `${target}.docx` } : {}),
        ...(pdf ? { pdfPath: `${target}.pdf` } : {}),
        ...chosenProfile,
        today: localToday(),
      });
      const files = { docx: result.docx, pdf: result.pdf, pages: result.pages };
      if (result.pages > 0) useUiStore.getState().setPageCount({ pages: result.pages, revision: store.getState().revision });
      useUiStore.getState().setLastExport(files);
      setDone({ ...files, fonts: result.fonts, blocking: result.blocking });
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = async () => {
    setPreview(null);
    try {
      const revision = store.getState().revision;
      const laidOut = await api.previewReport({ report: store.getState().snapshot(), ...chosenProfile });
      setPreview(laidOut);
      useUiStore.getState().setPageCount({ pages: laidOut.pages, revision });
    } catch (error) {
      notifyError(error);
    }
  };
  const reveal = (path: string) => void api.revealPath({ path }).catch(notifyError);
  const substituted = (done?.fonts ?? preview?.fonts ?? []).filter((f) => f.substituted);

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className={`modal${preview === null ? "" : " modal--preview"}`}
        role="dialog"
        aria-modal="true"
        aria-label="导出"
      >
        <h2>导出</h2>
        <fieldset className="export-formats">
          <legend>格式</legend>
          <label className="checkbox">
            <input type="checkbox" checked={docx} onChange={(e) => setDocx(e.target.checked)} />
            Word（.docx）
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={pdf} onChange={(e) => setPdf(e.target.checked)} />
            PDF
          </label>
        </fieldset>
        <label>
          版式
          <select aria-label="版式" value={profile} onChange={(e) => setProfile(e.target.value as ProfileChoice)}>
            <option value={REPORT_PROFILE}>报告当前版式</option>
            {PROFILE_PRESET_NAMES.map((p) => (
              <option key={p} value={p}>
                {PROFILE_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <SaveTargetFields target={saveTarget} nameLabel="导出文件名" />
        {errors > 0 && <p className="muted">检查发现 {errors} 处错误（如尚未确认的数字），导出的是草稿；可在“检查”面板中逐一处理。</p>}
        {busy && (
          <div role="progressbar" aria-label="正在导出" className="progress">
            正在导出{pdf ? "（生成 PDF 需要几秒钟）" : ""}…
          </div>
        )}
        {substituted.length > 0 && (
          <div className="banner" role="alert">
            本机缺少以下字体，已用替代字体排版，版式可能与正式公文略有不同：
            <ul>
              {substituted.map((f) => (
                <li key={f.role}>
                  {f.requested} → {f.used}
                </li>
              ))}
            </ul>
          </div>
        )}
        {done !== null && (
          <div className="export-done" role="status" aria-label="导出完成">
            <p>
              已导出{done.blocking.length === 0 ? "定稿" : "草稿"}
              {done.pages > 0 ? `（PDF 共 ${done.pages} 页）` : ""}：
            </p>
            <ul>
              {[done.docx, done.pdf]
                .filter((p): p is string => p !== null)
                .map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                    {hostInfo?.mode === "electron" && (
                      <button type="button" onClick={() => reveal(p)}>
                        打开所在文件夹
                      </button>
                    )}
                  </li>
                ))}
            </ul>
            {done.blocking.length === 0 ? (
              <p className="muted">文件状态：定稿（检查无错误）。</p>
            ) : (
              <div className="export-state">
                <p>
                  文件状态：草稿，仅供审阅。检查发现 {done.blocking.length} 项须处理，待填处已在文件中以黄色标出，不可作为正式文件报送：
                </p>
                <ul>
                  {done.blocking.slice(0, LISTED_FINDINGS).map((f, i) => (
                    <li key={`${f.id}-${i}`}>{f.message}</li>
                  ))}
                  {done.blocking.length > LISTED_FINDINGS && <li>……另有 {done.blocking.length - LISTED_FINDINGS} 项，见“检查”面板</li>}
                </ul>
              </div>
            )}
          </div>
        )}
        {preview !== null && (
          <div className="print-preview" ref={previewRef}>
            <p className="muted">打印预览（即将导出的 PDF 本身，逐页显示页边距和页码），共 {preview.pages} 页</p>
            <PdfPreview pdfBase64={preview.pdfBase64} />
          </div>
        )}
        <div className="modal__actions">
          <button type="button" onClick={() => void showPreview()}>
            打印预览
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !nameOk || folder === "" || (!docx && !pdf)}
            onClick={() => void run()}
          >
            开始导出
          </button>
          <button type="button" onClick={close}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

function baseName(path: string | null): string | null {
  if (path === null) return null;
  return fileNameOf(path).replace(/\.nianbao$/, "");
}
