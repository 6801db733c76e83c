import { useEffect, useMemo, useRef, useState } from "react";
import type { CollectImportResult } from "../../../core/collect/returned-workbook";
import { collectStatus } from "../../../core/collect/collect-status";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore, type CollectRead } from "../../state/ui-store";
import { notifyError } from "../../state/notify-error";
import { FolderEntries, FolderRoots, useFolderBrowser } from "../folder-browser/folder-browser";
import { showFieldsTable } from "../fields-panel/show-fields-table";
import { useModalFocus } from "../modal/use-modal-focus";
import { readAnswerFiles } from "./read-answer-files";
import { savedReportPath } from "./saved-report-path";
import "./data-collection.css";

interface Written {
  dir: string;
  files: { department: string; path: string; fields: number }[];
  unassigned: number;
}

/**
 * 数据征集: the departments named in the 字段 table with what each has answered, one workbook per
 * department written into a folder the clerk picks, and returned workbooks read back (chosen
 * here or dropped anywhere on the window), through the same use cases as `nianbao collect`.
 */
export function DataCollectionDialog() {
  const open = useUiStore((s) => s.collectOpen);
  const session = useSessionStore((s) => s.session);
  return open && session !== null ? <CollectForm store={session.store} /> : null;
}

function CollectForm({ store }: { store: ReportStore }) {
  const api = useSessionStore((s) => s.api);
  const report = useReportStore(store, (s) => s.report);
  const fields = useReportStore(store, (s) => s.fields);
  const busy = useUiStore((s) => s.collectBusy);
  const reads = useUiStore((s) => s.collectReads);
  const board = useMemo(() => collectStatus({ ...report, fields }), [report, fields]);
  const browser = useFolderBrowser("listFolder");
  const [sub, setSub] = useState(() => `${report.meta.reportYear}年度数据征集`);
  const [force, setForce] = useState(false);
  const [writing, setWriting] = useState(false);
  const [written, setWritten] = useState<Written | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => useUiStore.getState().setCollectOpen(false);
  useModalFocus(dialogRef, close);
  if (api === null) return null;

  const folder = browser.folder ?? "";
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  const cleanSub = sub.trim();
  const subOk = !/[\\/:*?"<>|]/.test(cleanSub);
  const outDir = cleanSub === "" ? folder : `${folder}${sep}${cleanSub}`;
  const write = async () => {
    setWriting(true);
    setWritten(null);
    try {
      const path = await savedReportPath(store);
      const done = await api.writeDataRequests({ path, outDir, force });
      setWritten({ dir: outDir, files: done.files, unassigned: done.unassigned.length });
    } catch (error) {
      notifyError(error);
    } finally {
      setWriting(false);
    }
  };
  const toFields = () => {
    showFieldsTable();
    close();
  };
  const totals = board.departments.reduce((n, d) => n + d.fields, 0);

  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} className="modal modal--wide collect-dialog" role="dialog" aria-modal="true" aria-label="数据征集">
        <h2>数据征集</h2>
        <p className="muted">
          按“字段”表中的来源部门，每个部门生成一份 Excel
          征集表；部门只填“本年数值”等可填单元格后交回。交回的表读入后数值为“未确认”，并注明填报部门和填报人。
        </p>
        <div className="collect-dialog__columns">
          <div>
            <section aria-label="各部门征集情况">
              <h3>各部门征集情况</h3>
              {board.departments.length === 0 ? (
                <p className="muted">还没有为字段指定来源部门。</p>
              ) : (
                <table className="collect-board">
                  <thead>
                    <tr>
                      <th scope="col">部门</th>
                      <th scope="col">征集字段</th>
                      <th scope="col">已填报</th>
                      <th scope="col">未填报</th>
                      <th scope="col">有冲突</th>
                    </tr>
                  </thead>
                  <tbody>
                    {board.departments.map((d) => (
                      <tr key={d.department} data-department={d.department}>
                        <th scope="row">{d.department}</th>
                        <td>{d.fields}</td>
                        <td>{d.answered}</td>
                        <td title={d.missing.map((id) => fields[id]?.label ?? id).join("、")}>{d.missing.length}</td>
                        <td className={d.conflicts.length > 0 ? "collect-board__conflict" : undefined}>{d.conflicts.length}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p className="collect-dialog__unassigned">
                {board.unassigned.length === 0 ? "所有字段都已指定来源部门。" : `另有 ${board.unassigned.length} 个字段未指定来源部门。`}
                <button type="button" className="link" onClick={toFields}>
                  在“字段”表中指定来源部门
                </button>
              </p>
            </section>
            <section aria-label="读回征集表">
              <h3>读回征集表</h3>
              <div className="drop-zone">
                把各部门交回的征集表（.xlsx，可一次多份）拖到窗口任意处，或
                <button type="button" className="link" onClick={() => fileInput.current?.click()}>
                  选择文件…
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  aria-label="选择交回的征集表"
                  accept=".xlsx,.xlsm,.xls,.et"
                  hidden
                  onChange={(e) => {
                    const chosen = [...(e.target.files ?? [])];
                    e.target.value = "";
                    void readAnswerFiles(chosen);
                  }}
                />
              </div>
              {busy !== null && (
                <p role="progressbar" aria-label={busy} className="progress">
                  {busy}
                </p>
              )}
              {reads !== null && busy === null && <ReadsList reads={reads} onFields={toFields} />}
            </section>
          </div>
          <div>
            <section aria-label="生成征集表">
              <h3>生成征集表</h3>
              <div className="file-dialog__roots">
                <FolderRoots browser={browser} />
              </div>
              <FolderEntries
                browser={browser}
                label="保存位置"
                emptyText="此文件夹是空的。"
                renderFile={(entry) => <span className="muted">{entry.name}</span>}
              />
              <label>
                在此处新建文件夹（留空则直接保存在此处）
                <input aria-label="征集表文件夹" value={sub} onChange={(e) => setSub(e.target.value)} />
              </label>
              {!subOk && <p className="error">文件夹名不能含有 \ / : * ? " &lt; &gt; |。</p>}
              <p className="collect-dialog__target">
                保存到：<code>{outDir}</code>
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
                覆盖该文件夹中同名的征集表
              </label>
              <div>
                <button
                  type="button"
                  className="primary"
                  disabled={writing || board.departments.length === 0 || folder === "" || !subOk}
                  onClick={() => void write()}
                >
                  生成 {board.departments.length} 份征集表（共 {totals} 个字段）
                </button>
              </div>
              {writing && (
                <p role="progressbar" aria-label="正在生成征集表" className="progress">
                  正在生成征集表…
                </p>
              )}
              {written !== null && (
                <div className="collect-dialog__written" role="status" aria-label="征集表已生成">
                  <p>
                    已生成 {written.files.length} 份征集表，保存在 <code>{written.dir}</code>：
                  </p>
                  <ul>
                    {written.files.map((f) => (
                      <li key={f.path}>
                        {f.department}（{f.fields} 个字段）：<code>{f.path}</code>
                      </li>
                    ))}
                  </ul>
                  {written.unassigned > 0 && <p className="muted">{written.unassigned} 个未指定来源部门的字段未列入任何征集表。</p>}
                </div>
              )}
            </section>
          </div>
        </div>
        <div className="modal__actions">
          <button
            type="button"
            className="collect-dialog__rollup"
            title="县区汇总：把各乡镇报告的数字汇总到本报告"
            onClick={() => {
              close();
              useUiStore.getState().setRollupOpen(true);
            }}
          >
            汇总各乡镇报告…
          </button>
          <button type="button" data-autofocus onClick={close}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

function ReadsList({ reads, onFields }: { reads: CollectRead[]; onFields: () => void }) {
  const read = reads.filter((r) => r.result !== null).length;
  const ref = useRef<HTMLDivElement>(null);
  // A drop on the window opens the dialog wherever it was scrolled: the outcome comes into sight.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, [reads]);
  return (
    <div ref={ref} className="collect-dialog__reads" role="status" aria-label="读取结果">
      <p>
        读取 {reads.length} 份：{read} 份已读入{reads.length > read ? `，${reads.length - read} 份未读取（报告未因这些文件改动）` : ""}。
        {read > 0 && (
          <>
            读入的数值均为“未确认”，请核对后确认。
            <button type="button" className="link" onClick={onFields}>
              到“字段”表核对
            </button>
          </>
        )}
      </p>
      <ul>
        {reads.map((r, i) =>
          r.result === null ? (
            <li key={i} className="collect-read collect-read--refused">
              ✗ {r.error}
            </li>
          ) : (
            <li key={i} className="collect-read">
              ✓ <ReadSummary fileName={r.fileName} result={r.result} />
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function ReadSummary({ fileName, result }: { fileName: string; result: CollectImportResult }) {
  return (
    <>
      {result.files.map((f) => (
        <span key={f.requestId}>
          {fileName}（{f.department}）：{f.skipped ?? `填报 ${f.answered} 项，空白 ${f.blank} 项`}
        </span>
      ))}
      {result.conflicts.length > 0 && (
        <ul className="collect-read__conflicts">
          {result.conflicts.map((c) => (
            <li key={c.fieldId}>
              {c.label}：{c.answers.map((a) => `${a.department}填 ${a.answer}`).join("，")}
              {c.kind === "confirmed" ? "，与已确认的数值不同" : "，答复不一致"}，未采用，请核实后在“字段”表中填写。
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
