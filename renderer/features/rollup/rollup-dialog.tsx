import { useRef, useState, type DragEvent } from "react";
import { MAX_UPLOAD_BYTES } from "../../../core/api/contract";
import type { RollupResult, RollupRow } from "../../../core/collect/rollup-result";
import { formatChineseDate } from "../../../core/text/chinese-date";
import { errorText } from "../../state/notify-error";
import type { ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";
import { fileBase64 } from "../../platform/file-base64";
import { savedReportPath } from "../data-collection/saved-report-path";
import { showFieldsTable } from "../fields-panel/show-fields-table";
import { useModalFocus } from "../modal/use-modal-focus";
import "./rollup.css";

/** What a town sends: its .nianbao, or its report as Word or text. */
const TOWN_FILE = /\.(nianbao|docx|doc|md|markdown|txt)$/i;

interface Town {
  name: string;
  uploadId: string;
}

/**
 * 汇总各乡镇: the towns' reports of the year chosen or dropped here, what they add up to in this
 * (the county's) report with each town's 检查 status, and the ticked figures written in as
 * unconfirmed values: the use case behind `nianbao rollup`.
 */
export function RollupDialog() {
  const open = useUiStore((s) => s.rollupOpen);
  const session = useSessionStore((s) => s.session);
  return open && session !== null ? <RollupForm store={session.store} /> : null;
}

function RollupForm({ store }: { store: ReportStore }) {
  const api = useSessionStore((s) => s.api);
  const [towns, setTowns] = useState<Town[]>([]);
  const [result, setResult] = useState<RollupResult | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => useUiStore.getState().setRollupOpen(false);
  useModalFocus(dialogRef, close);
  if (api === null) return null;

  const preview = async (list: Town[]) => {
    setResult(null);
    setError(null);
    if (list.length === 0) return;
    setBusy(`正在汇总 ${list.length} 份乡镇报告…`);
    try {
      const path = await savedReportPath(store, "rollup");
      const done = await api.rollupReports({ path, uploads: list.map((t) => t.uploadId) });
      setResult(done.result);
      setTicked(new Set(done.result.rows.filter((r) => r.outcome === "applied").map((r) => r.fieldId)));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const add = async (files: readonly File[]) => {
    setApplied(null);
    setError(null);
    const added: Town[] = [];
    const refused: string[] = [];
    for (const file of files) {
      if (!TOWN_FILE.test(file.name)) refused.push(`${file.name}：不是年报文件（.nianbao）或 Word、文本形式的报告，未加入。`);
      else if (file.size > MAX_UPLOAD_BYTES) refused.push(`${file.name}：文件过大（上限 20 MB），未加入。`);
      else {
        setBusy(`正在读取 ${file.name}…`);
        try {
          added.push({ name: file.name, ...(await api.uploadTownReport({ name: file.name, dataBase64: await fileBase64(file) })) });
        } catch (e) {
          refused.push(errorText(e));
        }
      }
    }
    setBusy(null);
    // A town chosen again replaces its earlier copy.
    const next = [...towns.filter((t) => !added.some((a) => a.name === t.name)), ...added];
    setTowns(next);
    await preview(next);
    if (refused.length > 0) setError((shown) => [...refused, ...(shown === null ? [] : [shown])].join("\n"));
  };

  const remove = (town: Town) => {
    const next = towns.filter((t) => t !== town);
    setTowns(next);
    setApplied(null);
    void preview(next);
  };

  const apply = async () => {
    setBusy("正在填入…");
    setError(null);
    try {
      const path = await savedReportPath(store, "rollup");
      const done = await api.rollupReports({ path, uploads: towns.map((t) => t.uploadId), apply: true, only: [...ticked] });
      // The host read and dropped the uploads: a further 汇总 starts from the files again.
      setTowns([]);
      setResult(done.result);
      setApplied(done.result.rows.filter((r) => r.outcome === "applied").length);
      if (done.changed) await useSessionStore.getState().open(await api.openReport({ path }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    void add([...event.dataTransfer.files]);
  };
  const toFields = () => {
    showFieldsTable();
    close();
  };
  const offered = result?.rows.filter((r) => r.value !== null) ?? [];
  const none = result?.rows.filter((r) => r.value === null) ?? [];

  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} className="modal modal--wide rollup-dialog" role="dialog" aria-modal="true" aria-label="汇总各乡镇">
        <h2>汇总各乡镇</h2>
        <p className="muted">
          把各乡镇同一年度、同一种报告（年报文件或
          Word）的数字汇总到本报告：数量相加，比率取平均。填入的数值为“未确认”，并注明来自哪些乡镇；本报告已确认的数值不会被改动。
        </p>
        <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          把各乡镇的报告（.nianbao / .docx，可一次多份）拖到这里，或
          <button type="button" className="link" data-autofocus onClick={() => fileInput.current?.click()}>
            选择文件…
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            aria-label="选择乡镇报告"
            accept=".nianbao,.docx,.md,.txt"
            hidden
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              e.target.value = "";
              void add(chosen);
            }}
          />
        </div>
        {towns.length > 0 && (
          <ul className="rollup-dialog__files" aria-label="已选的乡镇报告">
            {towns.map((t) => (
              <li key={t.uploadId}>
                {t.name}
                <button type="button" className="link" aria-label={`移除 ${t.name}`} onClick={() => remove(t)}>
                  移除
                </button>
              </li>
            ))}
          </ul>
        )}
        {busy !== null && (
          <p role="progressbar" aria-label={busy} className="progress">
            {busy}
          </p>
        )}
        {error !== null && (
          <p role="alert" className="error rollup-dialog__error">
            {error}
          </p>
        )}
        {result !== null && <TownsTable result={result} />}
        {result !== null && offered.length > 0 && (
          <section aria-label="汇总结果" className="rollup-dialog__rows">
            <table className="collect-board rollup-rows">
              <thead>
                <tr>
                  <th scope="col">填入</th>
                  <th scope="col">字段</th>
                  <th scope="col">汇总</th>
                  <th scope="col">各乡镇</th>
                  <th scope="col">未填报 / 乡镇未确认</th>
                  <th scope="col">本报告</th>
                </tr>
              </thead>
              <tbody>
                {offered.map((row) => (
                  <tr key={row.fieldId} data-field={row.fieldId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`填入 ${row.label}`}
                        disabled={applied !== null || (row.outcome !== "applied" && row.outcome !== "skipped")}
                        checked={ticked.has(row.fieldId)}
                        onChange={(e) => {
                          const next = new Set(ticked);
                          if (e.target.checked) next.add(row.fieldId);
                          else next.delete(row.fieldId);
                          setTicked(next);
                        }}
                      />
                    </td>
                    <th scope="row">{row.label}</th>
                    <td>
                      {row.method === "sum" ? "合计" : "平均"} <strong>{row.text}</strong>
                    </td>
                    <td className="rollup-rows__towns">{row.contributions.map((c) => `${shortName(c.town)} ${c.text}`).join("；")}</td>
                    <td className="rollup-rows__gaps">
                      {row.missing.length > 0 && <span>未填报：{row.missing.map(shortName).join("、")}</span>}
                      {row.unconfirmed.length > 0 && <span className="warn">乡镇未确认：{row.unconfirmed.map(shortName).join("、")}</span>}
                      {row.mismatched.map((m) => (
                        <span key={m.town} className="warn">
                          {shortName(m.town)}未计入（{m.reason}）
                        </span>
                      ))}
                    </td>
                    <td>{outcomeText(row, applied !== null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {none.length > 0 && (
              <p className="muted">
                无乡镇填报的字段 {none.length} 个：{none.map((r) => r.label).join("、")}
              </p>
            )}
          </section>
        )}
        {applied !== null && (
          <p role="status" aria-label="汇总已填入" className="rollup-dialog__done">
            已填入 {applied} 个数字，均为“未确认”，请核对后确认。
            <button type="button" className="link" onClick={toFields}>
              到“字段”表核对
            </button>
          </p>
        )}
        <div className="modal__actions">
          {applied === null && (
            <button
              type="button"
              className="primary"
              disabled={busy !== null || result === null || ticked.size === 0}
              onClick={() => void apply()}
            >
              填入选中的 {ticked.size} 个数字
            </button>
          )}
          <button type="button" onClick={close}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}

function TownsTable({ result }: { result: RollupResult }) {
  return (
    <section aria-label="各乡镇报告">
      <table className="collect-board rollup-towns">
        <thead>
          <tr>
            <th scope="col">乡镇</th>
            <th scope="col">文件</th>
            <th scope="col">状态</th>
            <th scope="col">错误</th>
            <th scope="col">未确认数字</th>
            <th scope="col">报送期限</th>
          </tr>
        </thead>
        <tbody>
          {result.towns.map((t) => (
            <tr key={t.fileName} data-town={t.org}>
              <th scope="row">{t.org}</th>
              <td>{t.fileName}</td>
              <td>{t.stage}</td>
              <td className={t.errors > 0 ? "collect-board__conflict" : undefined}>{t.errors}</td>
              <td className={t.unconfirmed > 0 ? "warn" : undefined}>{t.unconfirmed}</td>
              <td>
                {formatChineseDate(t.submitBy)}
                {t.daysLeft >= 0 ? `（还有 ${t.daysLeft} 天）` : `（已过 ${-t.daysLeft} 天）`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function outcomeText(row: RollupRow, done: boolean): string {
  switch (row.outcome) {
    case "applied":
      return done ? "已填入（未确认）" : row.current === null ? "待填入" : "将替换现值";
    case "unchanged":
      return "与现值相同";
    case "confirmed":
      return "已确认另一数值，不改动";
    case "skipped":
      return "未选";
    case "empty":
      return "";
  }
}

/** 木渎镇人民政府 → 木渎镇: a table of towns reads better without the same suffix in every cell. */
function shortName(org: string): string {
  return org.replace(/人民政府$/u, "");
}
