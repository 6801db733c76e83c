import { useMemo, useState } from "react";
import { changeField, type FieldChange } from "../../../core/edits/change-field";
import { yoyOf } from "../../../core/fields/field-text";
import { formatValue } from "../../../core/fields/format-field";
import type { Field } from "../../../core/model/field";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";
import { fieldText } from "../../editor/field-text";
import { locateField } from "../../editor/locate";

/** 字段: every field of the report in one table, editable in place. */
export function FieldsPanel({ store }: { store: ReportStore }) {
  const fields = useReportStore(store, (s) => s.fields);
  const onlyUnconfirmed = useUiStore((s) => s.onlyUnconfirmed);
  const rows = useMemo(
    () => Object.values(fields).filter((f) => !onlyUnconfirmed || f.status === "unconfirmed").sort((a, b) => a.label.localeCompare(b.label, "zh-CN")),
    [fields, onlyUnconfirmed],
  );
  const unconfirmed = Object.values(fields).filter((f) => f.status === "unconfirmed").length;
  return (
    <section className="side-panel" aria-label="字段">
      <header className="side-panel__header">
        <h2>字段（{Object.keys(fields).length}）</h2>
        <label className="side-panel__filter">
          <input type="checkbox" checked={onlyUnconfirmed} onChange={(e) => useUiStore.getState().setOnlyUnconfirmed(e.target.checked)} />
          只看未确认（{unconfirmed}）
        </label>
      </header>
      {rows.length === 0 ? (
        <p className="side-panel__empty">{onlyUnconfirmed ? "没有未确认的字段。" : "还没有字段。选中正文中的数字后点“转为字段”，或点“插入字段”。"}</p>
      ) : (
        <table className="fields-table">
          <thead>
            <tr><th>名称</th><th>本年</th><th>上年</th><th>同比</th><th>状态</th><th>来源</th></tr>
          </thead>
          <tbody>{rows.map((field) => <FieldRow key={field.id} field={field} fields={fields} />)}</tbody>
        </table>
      )}
    </section>
  );
}

function FieldRow({ field, fields }: { field: Field; fields: Record<string, Field> }) {
  const yoy = yoyOf({ fields }, field)?.wording ?? "—";
  const change = (c: Omit<FieldChange, "fieldId">) => useSessionStore.getState().history?.changeField({ fieldId: field.id, ...c });
  const lastYear = field.lastYear === null ? "—" : (formatValue({ ...field.lastYear, decimals: field.decimals }) ?? "—");
  return (
    <tr className={field.status === "unconfirmed" ? "is-unconfirmed" : undefined}>
      <td>
        <CellInput label="名称" value={field.label} onCommit={(label) => change({ label })} />
        <button type="button" className="link" onClick={() => {
          const editor = useSessionStore.getState().editor;
          if (editor !== null) locateField(editor, field.id);
        }}>在正文中定位</button>
      </td>
      <td>
        <CellInput
          label={`${field.label || "字段"}的本年数值`}
          value={field.value ?? ""}
          inputMode="decimal"
          validate={(v) => v === "" || readable(field, v)}
          // A value typed in the table is checked, not confirmed: 确认 is its own click here.
          onCommit={(input) => change({ input })}
        />
        <span className="fields-table__shown">{fieldText({ fields }, field.id, "value")}</span>
      </td>
      <td>{lastYear}</td>
      <td>{yoy}</td>
      <td>
        <button type="button" className="fields-table__status" disabled={field.value === null} onClick={() => change({ confirm: field.status !== "confirmed" })}>
          {field.status === "confirmed" ? "已确认" : "未确认"}
        </button>
      </td>
      <td><CellInput label="来源" value={field.source ?? ""} onCommit={(source) => change({ source })} /></td>
    </tr>
  );
}

function CellInput(props: { label: string; value: string; inputMode?: "decimal"; validate?: (v: string) => boolean; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? props.value;
  const valid = props.validate?.(shown.trim()) ?? true;
  const commit = () => {
    if (draft !== null && valid && draft.trim() !== props.value) props.onCommit(draft.trim());
    if (valid) setDraft(null);
  };
  return (
    <input
      aria-label={props.label}
      aria-invalid={!valid}
      value={shown}
      {...(props.inputMode === undefined ? {} : { inputMode: props.inputMode })}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        if (e.key === "Escape") setDraft(null);
      }}
    />
  );
}

function readable(field: Field, input: string): boolean {
  try {
    changeField(field, { fieldId: field.id, input });
    return true;
  } catch {
    return false;
  }
}
