import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { MISSING_FIELD_TEXT } from "../../../core/doc/inline-text";
import { changeField, type FieldChange } from "../../../core/edits/change-field";
import { yoyOf } from "../../../core/fields/field-text";
import { formatValue } from "../../../core/fields/format-field";
import { DisplayScale, Qualifier, type Field } from "../../../core/model/field";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";

const SCALE_NAMES: Record<DisplayScale, string> = { none: "原值", 万: "万", 亿: "亿" };
const QUALIFIER_NAMES: Record<Qualifier, string> = { none: "无", 超: "超", 约: "约", 余: "余", 近: "近", 累计: "累计", 以上: "以上" };

interface Draft {
  value: string;
  unit: string;
  scale: DisplayScale;
  qualifier: Qualifier;
  label: string;
  source: string;
}

/**
 * Edits one field outside the contenteditable (a portal on document.body), so typing here never
 * goes through ProseMirror or its IME handling.
 */
export function FieldPopover({ store }: { store: ReportStore }) {
  const popover = useUiStore((s) => s.popover);
  const field = useReportStore(store, (s) => (popover === null ? undefined : s.fields[popover.fieldId]));
  if (popover === null || field === undefined) return null;
  return createPortal(<FieldForm key={field.id} store={store} field={field} anchor={popover.anchor} />, document.body);
}

/** The change the form describes; `confirm` only when the clerk pressed 确认数值. */
function changeOf(field: Field, draft: Draft, confirm?: true): FieldChange {
  return {
    fieldId: field.id,
    input: draft.value,
    unit: draft.unit.trim() === "" ? null : draft.unit.trim(),
    scale: draft.scale,
    qualifier: draft.qualifier,
    label: draft.label,
    source: draft.source,
    ...(confirm === undefined ? {} : { confirm }),
  };
}

/** The field as the form would leave it (core/edits), or null while the value box cannot be read. */
function previewOf(field: Field, draft: Draft): Field | null {
  try {
    return changeField(field, changeOf(field, draft));
  } catch {
    return null;
  }
}

function draftOf(field: Field): Draft {
  return { value: field.value ?? "", unit: field.unit ?? "", scale: field.scale, qualifier: field.qualifier, label: field.label, source: field.source ?? "" };
}

function FieldForm({ store, field, anchor }: { store: ReportStore; field: Field; anchor: { left: number; bottom: number } }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(field));
  const fields = useReportStore(store, (s) => s.fields);
  const valueRef = useRef<HTMLInputElement>(null);
  useEffect(() => valueRef.current?.focus(), []);
  const typed = previewOf(field, draft);
  const valueOk = typed !== null;
  const preview = typed?.value == null ? null : formatValue(typed);
  const lastYear = field.lastYear === null ? null : formatValue({ ...field.lastYear, decimals: field.decimals });
  // Live: the wording follows the value being typed, before it is applied.
  const draftField: Field = typed ?? { ...field, value: null };
  const yoy = yoyOf({ fields: { ...fields, [field.id]: draftField } }, draftField);

  const commit = (confirm?: true): boolean => useSessionStore.getState().history?.changeField(changeOf(field, draft, confirm)) ?? false;
  const close = () => {
    useUiStore.getState().closePopover();
    // Synchronously, unlike the focus command, so keys typed right after closing reach the text.
    useSessionStore.getState().editor?.view.focus();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (commit()) close();
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") close();
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const top = Math.min(anchor.bottom + 6, window.innerHeight - 360);
  const left = Math.min(anchor.left, window.innerWidth - 340);

  return (
    <form className="field-popover" role="dialog" aria-label="编辑字段" style={{ top, left }} onSubmit={handleSubmit} onKeyDown={handleKeyDown}>
      <label>数值
        <input ref={valueRef} aria-label="数值" inputMode="decimal" value={draft.value} aria-invalid={!valueOk} onChange={(e) => set("value", e.target.value)} onBlur={() => {
          // "超40万" becomes 400000 with 超 and 万 in their own boxes, so the clerk sees how it was read.
          if (typed?.value != null && typed.value !== draft.value.trim()) setDraft((d) => ({ ...d, value: typed.value ?? "", scale: typed.scale, qualifier: typed.qualifier, unit: typed.unit ?? d.unit }));
        }} />
      </label>
      {!valueOk && <p className="field-popover__error">请输入数字，例如 360000、超36万、1900余、93.26。</p>}
      <div className="field-popover__row">
        <label>单位<input aria-label="单位" value={draft.unit} onChange={(e) => set("unit", e.target.value)} /></label>
        <label>显示为
          <select aria-label="显示为" value={draft.scale} onChange={(e) => set("scale", DisplayScale.parse(e.target.value))}>
            {DisplayScale.options.map((s) => <option key={s} value={s}>{SCALE_NAMES[s]}</option>)}
          </select>
        </label>
        <label>修饰词
          <select aria-label="修饰词" value={draft.qualifier} onChange={(e) => set("qualifier", Qualifier.parse(e.target.value))}>
            {Qualifier.options.map((q) => <option key={q} value={q}>{QUALIFIER_NAMES[q]}</option>)}
          </select>
        </label>
      </div>
      <label>名称<input aria-label="名称" value={draft.label} placeholder="如：受理审批服务事项" onChange={(e) => set("label", e.target.value)} /></label>
      <label>来源<input aria-label="来源" value={draft.source} placeholder="如：区政务服务中心" onChange={(e) => set("source", e.target.value)} /></label>
      <dl className="field-popover__facts">
        <dt>正文显示</dt><dd>{preview ?? MISSING_FIELD_TEXT}</dd>
        <dt>上年</dt><dd>{lastYear ?? "无上年数据"}</dd>
        <dt>同比</dt><dd aria-label="同比">{yoy?.wording ?? (field.lastYear === null ? "无上年数据，无法比较" : "请先填写本年数值")}</dd>
        <dt>状态</dt><dd>{field.status === "confirmed" ? "已确认" : "未确认"}</dd>
      </dl>
      <div className="field-popover__actions">
        <button type="submit">应用</button>
        <button type="button" disabled={!valueOk || draft.value.trim() === ""} onClick={() => commit(true) && close()}>确认数值</button>
        <button type="button" onClick={close}>取消</button>
      </div>
    </form>
  );
}
