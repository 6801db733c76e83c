import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { departmentSuggestions } from "../../../core/collect/department-suggestions";
import { changeField, type FieldChange } from "../../../core/edits/change-field";
import { boundGrowth, shownStatus } from "../../../core/fields/bound-growth";
import { yoyOf } from "../../../core/fields/field-text";
import { formatValue } from "../../../core/fields/format-field";
import { Qualifier, type Field } from "../../../core/model/field";
import type { Template } from "../../../core/model/template";
import { isEditable } from "../../../core/workflow/assert-editable";
import { chipPositions } from "../../editor/chip-caret";
import { fieldText } from "../../editor/field-text";
import { locateField } from "../../editor/locate";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore, type FieldsFilter } from "../../state/ui-store";
import { useFindings } from "../../state/report-analysis";
import { AnswersDetail } from "./answers-detail";
import { fieldsInDocumentOrder } from "../../../core/doc/fields-in-document-order";
import "./fields-panel.css";

const FILTER_NAMES: Record<Exclude<FieldsFilter, "all">, string> = {
  unconfirmed: "未确认",
  sameAsLastYear: "与上年相同",
  abnormal: "异常",
};
const QUALIFIER_NAMES: Record<Qualifier, string> = { none: "—", 超: "超", 约: "约", 余: "余", 近: "近", 累计: "累计", 以上: "以上" };
/** Findings about a field's value itself, not about its being filled in or confirmed. */
const ABNORMAL = new Set([
  "RATE-RANGE",
  "COUNT-NEGATIVE",
  "COUNT-FRACTION",
  "FIELD-SWING",
  "GROWTH-MISMATCH",
  "GROWTH-DIRECTION",
  "GROWTH-BASE-MISSING",
  "RATE-CHANGE-PERCENT",
]);

/** 字段: every field in document order, grouped by part, worked like a spreadsheet. */
export function FieldsPanel({ store }: { store: ReportStore }) {
  const fields = useReportStore(store, (s) => s.fields);
  const body = useReportStore(store, (s) => s.body);
  const editable = useReportStore(store, (s) => isEditable(s.report));
  const template = useReportStore(store, (s) => s.template);
  const wide = useUiStore((s) => s.fieldsWide);
  const filter = useUiStore((s) => s.fieldsFilter);
  const setFilter = (f: FieldsFilter) => useUiStore.getState().setFieldsFilter(f);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const findings = useFindings(store);
  const tableRef = useRef<HTMLTableElement>(null);

  const abnormal = useMemo(
    () => new Set(findings.filter((f) => ABNORMAL.has(f.id) && f.location.fieldId !== null).map((f) => f.location.fieldId ?? "")),
    [findings],
  );
  const groups = useMemo(() => fieldsInDocumentOrder(body, fields), [body, fields]);
  const matches = (field: Field): boolean => {
    if (filter === "unconfirmed") return shownStatus(fields, field) !== "confirmed";
    if (filter === "sameAsLastYear") return field.value !== null && field.lastYear?.value === field.value;
    if (filter === "abnormal") return abnormal.has(field.id);
    return true;
  };
  const all = Object.values(fields);
  const counts = {
    unconfirmed: all.filter((f) => shownStatus(fields, f) !== "confirmed").length,
    sameAsLastYear: all.filter((f) => f.value !== null && f.lastYear?.value === f.value).length,
    abnormal: abnormal.size,
  };
  const shown = groups.map((g) => ({ ...g, fields: g.fields.filter(matches) })).filter((g) => g.fields.length > 0);
  const shownIds = shown.flatMap((g) => g.fields.map((f) => f.id));

  /** Ctrl+Enter: 确认 every selected row with a value, or the row of the focused cell. */
  const confirmSelected = (fallbackId: string | null) => {
    const ids = selected.size > 0 ? [...selected] : fallbackId === null ? [] : [fallbackId];
    const history = useSessionStore.getState().history;
    for (const id of ids) {
      const field = fields[id];
      if (field !== undefined && field.value !== null && boundGrowth(fields, field) === undefined)
        history?.changeField({ fieldId: id, confirm: true });
    }
    setSelected(new Set());
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      confirmSelected(cell?.closest("tr")?.dataset["fieldId"] ?? null);
      return;
    }
    if (event.key === "Enter" && cell !== null) {
      // Like a spreadsheet: Enter keeps the value and moves down (Shift+Enter up), in the same column.
      event.preventDefault();
      // In the last row the cell keeps the focus (its value is kept already), so it is never lost.
      if (!moveVertically(tableRef.current, cell, event.shiftKey ? -1 : 1) && event.target instanceof HTMLInputElement)
        event.target.select();
    }
  };

  return (
    <section className={`side-panel fields-panel${wide ? " fields-panel--wide" : ""}`} aria-label="字段">
      <header className="side-panel__header">
        <h2>字段（{all.length}）</h2>
        <button
          type="button"
          className="fields-panel__widen"
          aria-pressed={wide}
          onClick={() => useUiStore.getState().setFieldsWide(!wide)}
        >
          {wide ? "收窄" : "加宽"}
        </button>
      </header>
      <div className="fields-panel__filters" role="group" aria-label="筛选">
        <button type="button" aria-pressed={filter === "all"} onClick={() => setFilter("all")}>
          全部
        </button>
        {(Object.keys(FILTER_NAMES) as (keyof typeof FILTER_NAMES)[]).map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(filter === f ? "all" : f)}>
            {FILTER_NAMES[f]}（{counts[f]}）
          </button>
        ))}
      </div>
      {!editable && (
        <p className="fields-panel__locked" role="note">
          报告已签发，字段只能查看。
        </p>
      )}
      {editable && all.length > 0 && (
        <p className="muted fields-panel__help">Enter 下移，Tab 右移，直接输入即覆盖；勾选若干行后按 Ctrl+Enter 一并确认。</p>
      )}
      {editable && selected.size > 0 && (
        <BulkSource
          key={[...selected].join()}
          targets={[...selected].flatMap((id) => fields[id] ?? [])}
          fields={fields}
          template={template}
          onDone={() => setSelected(new Set())}
        />
      )}
      {shown.length === 0 ? (
        <p className="side-panel__empty">
          {filter === "all" ? "还没有字段。选中正文中的数字后点“转为字段”，或点“插入字段”。" : `没有${FILTER_NAMES[filter]}的字段。`}
        </p>
      ) : (
        <fieldset className="fields-panel__frame" disabled={!editable}>
          <table className="fields-table fields-table--sheet" ref={tableRef} onKeyDown={handleKeyDown}>
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label="全选"
                    checked={shownIds.length > 0 && shownIds.every((id) => selected.has(id))}
                    onChange={(e) => setSelected(e.target.checked ? new Set(shownIds) : new Set())}
                  />
                </th>
                <th>名称</th>
                <th>本年</th>
                <th>修饰词</th>
                <th>上年</th>
                <th>同比</th>
                <th>状态</th>
                <th>来源部门</th>
              </tr>
            </thead>
            {shown.map((group) => (
              <tbody key={group.title ?? "unplaced"}>
                <tr className="fields-table__group">
                  <th colSpan={8} scope="rowgroup">
                    {group.title ?? "未放入正文的字段"}
                  </th>
                </tr>
                {group.fields.map((field) => (
                  <FieldRow
                    key={field.id}
                    field={field}
                    fields={fields}
                    template={template}
                    placed={group.title !== null}
                    checked={selected.has(field.id)}
                    onCheck={(on) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (on) next.add(field.id);
                        else next.delete(field.id);
                        return next;
                      })
                    }
                  />
                ))}
              </tbody>
            ))}
          </table>
        </fieldset>
      )}
    </section>
  );
}

/** Focuses the cell of the same column `step` rows away; false when there is none. */
function moveVertically(table: HTMLTableElement | null, cell: HTMLElement, step: number): boolean {
  if (table === null) return false;
  const column = cell.dataset["cell"];
  const cells = [...table.querySelectorAll<HTMLElement>(`[data-cell='${column ?? ""}']`)];
  const next = cells[cells.indexOf(cell) + step];
  next?.focus();
  return next !== undefined;
}

/** 来源部门 for every selected row at once, as one undo step; the same change as `nianbao fields --source`. */
function BulkSource({
  targets,
  fields,
  template,
  onDone,
}: {
  targets: Field[];
  fields: Record<string, Field>;
  template: Template;
  onDone: () => void;
}) {
  const [department, setDepartment] = useState("");
  const suggestions = useMemo(() => departmentSuggestions(targets, fields, template), [targets, fields, template]);
  const apply = () => {
    const source = department.trim() === "" ? null : department.trim();
    useSessionStore.getState().history?.changeFields(targets.map((f) => ({ fieldId: f.id, source })));
    onDone();
  };
  return (
    <form
      className="fields-panel__bulk"
      aria-label="为选中的字段指定来源部门"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <span>选中 {targets.length} 个字段：</span>
      <input
        aria-label="选中字段的来源部门"
        list="fields-bulk-departments"
        placeholder="来源部门，如 信访办"
        value={department}
        onChange={(e) => setDepartment(e.target.value)}
      />
      <DepartmentList id="fields-bulk-departments" departments={suggestions} />
      <button type="submit">{department.trim() === "" ? "清除来源部门" : "指定来源部门"}</button>
    </form>
  );
}

function DepartmentList({ id, departments }: { id: string; departments: readonly string[] }) {
  return (
    <datalist id={id}>
      {departments.map((d) => (
        <option key={d} value={d} />
      ))}
    </datalist>
  );
}

function FieldRow({
  field,
  fields,
  template,
  placed,
  checked,
  onCheck,
}: {
  field: Field;
  fields: Record<string, Field>;
  template: Template;
  placed: boolean;
  checked: boolean;
  onCheck: (on: boolean) => void;
}) {
  const change = (c: Omit<FieldChange, "fieldId">) => useSessionStore.getState().history?.changeField({ fieldId: field.id, ...c });
  const computed = boundGrowth(fields, field) !== undefined;
  const status = shownStatus(fields, field);
  const yoy = yoyOf({ fields }, field)?.wording ?? "—";
  const lastYear = field.lastYear === null ? "—" : (formatValue({ ...field.lastYear, decimals: field.decimals }) ?? "—");
  const label = field.label === "" ? "未命名字段" : field.label;
  const locate = () => {
    const editor = useSessionStore.getState().editor;
    if (editor !== null) locateField(editor, field.id);
  };
  const remove = () => {
    const { editor, history } = useSessionStore.getState();
    // Only a field no chip shows: one still in the text is deleted there, with Backspace.
    if (editor !== null && chipPositions(editor.state.doc, field.id).length > 0) return;
    history?.removeField(field.id);
  };
  return (
    <tr data-field-id={field.id} className={status === "confirmed" ? undefined : "is-unconfirmed"}>
      <td>
        <input type="checkbox" aria-label={`选择 ${label}`} checked={checked} onChange={(e) => onCheck(e.target.checked)} />
      </td>
      <td className="fields-table__label">
        {placed ? (
          <button type="button" className="link" title="在正文中定位" onClick={locate}>
            {label}
          </button>
        ) : (
          <>
            <span>{label}</span>
            <button type="button" className="link fields-table__delete" aria-label={`删除字段 ${label}`} onClick={remove}>
              删除
            </button>
          </>
        )}
      </td>
      <td>
        {computed ? (
          <span className="fields-table__computed" title="计算值：由基数字段的本年与上年数值计算">
            {fieldText({ fields }, field.id, "value")}（计算）
          </span>
        ) : (
          <>
            <CellInput
              cell="value"
              label={`${label} 本年数值`}
              value={field.value ?? ""}
              validate={(v) => v === "" || readable(field, v)}
              onCommit={(input) => change({ input })}
            />
            <span className="fields-table__shown">{fieldText({ fields }, field.id, "value")}</span>
          </>
        )}
      </td>
      <td>
        {!computed && (
          <select
            data-cell="qualifier"
            aria-label={`${label} 修饰词`}
            value={field.qualifier}
            onChange={(e) => change({ qualifier: Qualifier.parse(e.target.value) })}
          >
            {Qualifier.options.map((q) => (
              <option key={q} value={q}>
                {QUALIFIER_NAMES[q]}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>{lastYear}</td>
      <td>{yoy}</td>
      <td>
        {computed ? (
          <span className={`fields-table__status fields-table__status--${status}`}>{status === "confirmed" ? "已确认" : "未确认"}</span>
        ) : (
          <button
            type="button"
            className={`fields-table__status fields-table__status--${status}`}
            aria-pressed={status === "confirmed"}
            disabled={field.value === null}
            onClick={() => change({ confirm: field.status !== "confirmed" })}
          >
            {field.status === "confirmed" ? "已确认" : "未确认"}
          </button>
        )}
      </td>
      <td className="fields-table__source">
        <SourceCell field={field} fields={fields} template={template} label={label} onCommit={(source) => change({ source })} />
        {(field.provenance ?? []).length > 0 && <AnswersDetail field={field} label={label} />}
      </td>
    </tr>
  );
}

/** The 来源部门 cell; its suggestions are worked out only once the clerk is in it. */
function SourceCell(props: {
  field: Field;
  fields: Record<string, Field>;
  template: Template;
  label: string;
  onCommit: (v: string) => void;
}) {
  const [active, setActive] = useState(false);
  const listId = `departments-${props.field.id}`;
  return (
    <span onFocus={() => setActive(true)}>
      <CellInput cell="source" label={`${props.label} 来源部门`} value={props.field.source ?? ""} list={listId} onCommit={props.onCommit} />
      {active && <DepartmentList id={listId} departments={departmentSuggestions([props.field], props.fields, props.template)} />}
    </span>
  );
}

function CellInput(props: {
  cell: "value" | "source";
  label: string;
  value: string;
  list?: string;
  validate?: (v: string) => boolean;
  onCommit: (v: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? props.value;
  const valid = props.validate?.(shown.trim()) ?? true;
  const commit = () => {
    if (draft !== null && valid && draft.trim() !== props.value) props.onCommit(draft.trim());
    if (valid) setDraft(null);
  };
  return (
    <input
      data-cell={props.cell}
      aria-label={props.label}
      aria-invalid={!valid}
      value={shown}
      {...(props.list === undefined ? {} : { list: props.list })}
      // Type to overwrite, as in a spreadsheet cell.
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Escape") setDraft(null);
        // The table then moves down a row (spreadsheet habit); the value is kept first.
        if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) commit();
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
