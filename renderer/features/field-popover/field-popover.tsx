import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from "@floating-ui/dom";
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from "react";
import { createPortal } from "react-dom";
import { MISSING_FIELD_TEXT } from "../../../core/doc/inline-text";
import { changeField, type FieldChange } from "../../../core/edits/change-field";
import { boundGrowth, shownStatus } from "../../../core/fields/bound-growth";
import { fieldText, yoyOf } from "../../../core/fields/field-text";
import { formatValue } from "../../../core/fields/format-field";
import { DisplayScale, Qualifier, type Field } from "../../../core/model/field";
import { isEditable } from "../../../core/workflow/assert-editable";
import { caretAfterChip, chipPosition, chipPositions } from "../../editor/chip-caret";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore, type PopoverAnchor } from "../../state/ui-store";
import "./field-popover.css";

const SCALE_NAMES: Record<DisplayScale, string> = { none: "原值", 万: "万", 亿: "亿" };
const QUALIFIER_NAMES: Record<Qualifier, string> = { none: "无", 超: "超", 约: "约", 余: "余", 近: "近", 累计: "累计", 以上: "以上" };
const STATUS_NAMES = { empty: "尚无数值", unconfirmed: "未确认", confirmed: "已确认" } as const;

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
  return createPortal(
    <FieldForm key={field.id} store={store} field={field} anchor={popover.anchor} isNew={popover.isNew} />,
    document.body,
  );
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
  return {
    value: field.value ?? "",
    unit: field.unit ?? "",
    scale: field.scale,
    qualifier: field.qualifier,
    label: field.label,
    source: field.source ?? "",
  };
}

/**
 * The chip the popover belongs to, for positioning: its element while it is on screen (so the
 * popover follows scrolling), else the rectangle it was opened at.
 */
function referenceOf(fieldId: string, anchor: PopoverAnchor): VirtualElement {
  const rect = () => {
    const live = useSessionStore.getState().editor;
    const editor = live === null || live.isDestroyed ? null : live;
    const pos = editor === null ? null : chipPosition(editor, fieldId, anchor.pos ?? null);
    const dom = editor === null || pos === null ? null : editor.view.nodeDOM(pos);
    if (dom instanceof HTMLElement) return dom.getBoundingClientRect();
    return new DOMRect(anchor.left, anchor.top, 1, anchor.bottom - anchor.top);
  };
  return { getBoundingClientRect: rect };
}

/** Keeps the popover inside the window: below the chip, above it when there is no room, shifted sideways. */
function useFloating(floating: RefObject<HTMLElement | null>, fieldId: string, anchor: PopoverAnchor) {
  useLayoutEffect(() => {
    const element = floating.current;
    if (element === null) return;
    const reference = referenceOf(fieldId, anchor);
    const editor = useSessionStore.getState().editor;
    const contextElement = editor === null || editor.isDestroyed ? undefined : editor.view.dom;
    const virtual: VirtualElement = contextElement === undefined ? reference : { ...reference, contextElement };
    const place = () =>
      void computePosition(virtual, element, {
        strategy: "fixed",
        placement: "bottom-start",
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              element.style.maxHeight = `${Math.max(160, availableHeight)}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        element.style.left = `${x}px`;
        element.style.top = `${y}px`;
        element.style.opacity = "1";
      });
    return autoUpdate(virtual, element, place);
  }, [floating, fieldId, anchor]);
}

function FieldForm({ store, field, anchor, isNew }: { store: ReportStore; field: Field; anchor: PopoverAnchor; isNew: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(field));
  const fields = useReportStore(store, (s) => s.fields);
  const editable = useReportStore(store, (s) => isEditable(s.report));
  const valueRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFloating(formRef, field.id, anchor);
  useEffect(() => {
    if (valueRef.current !== null && !valueRef.current.disabled) valueRef.current.focus();
    else formRef.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }, []);
  const growth = boundGrowth(fields, field);
  const computed = growth !== undefined;
  const typed = previewOf(field, draft);
  const valueOk = typed !== null;
  const preview = typed?.value == null ? null : formatValue(typed);
  const lastYear = field.lastYear === null ? null : formatValue({ ...field.lastYear, decimals: field.decimals });
  // Live: the wording follows the value being typed, before it is applied.
  const draftField: Field = typed ?? { ...field, value: null };
  const yoy = yoyOf({ fields: { ...fields, [field.id]: draftField } }, draftField);
  const status = shownStatus(fields, field);

  const commit = (confirm?: true): boolean => useSessionStore.getState().history?.changeField(changeOf(field, draft, confirm)) ?? false;
  const close = () => {
    useUiStore.getState().closePopover();
    const editor = useSessionStore.getState().editor;
    if (editor !== null) caretAfterChip(editor, field.id, anchor.pos ?? null);
  };
  /** Esc or 取消 on a field just inserted and never filled: the chip and its record go, as if never inserted. */
  const cancel = () => {
    const editor = useSessionStore.getState().editor;
    const history = useSessionStore.getState().history;
    const untouched = field.value === null && field.label === "";
    if (isNew && untouched && editor !== null && history !== null) {
      useUiStore.getState().closePopover();
      if (!history.discardLastNewField(field.id)) removeChipsAndRecord(field.id);
      editor.view.focus();
      return;
    }
    close();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return close();
    if (commit()) close();
  };
  const canConfirm = editable && !computed && valueOk && draft.value.trim() !== "";
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    }
    // Ctrl+Enter is 确认数值, as in the 字段 table; Enter alone is 应用.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (canConfirm && commit(true)) close();
    }
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <form
      ref={formRef}
      className="field-popover field-popover--floating"
      role="dialog"
      aria-label="编辑字段"
      style={{ opacity: 0 }}
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
    >
      {!editable && (
        <p className="field-popover__locked" role="note">
          报告已签发，内容已冻结，此处只能查看。如需修改，请在“签发”面板点“修订”。
        </p>
      )}
      {computed && (
        <p className="field-popover__computed" role="note">
          <strong>计算值</strong>：由“{growth.base.label || growth.base.id}”的本年与上年数值自动计算，不需单独填写或确认。
          {growth.exact === null
            ? `请先填写“${growth.base.label || growth.base.id}”的本年数值。`
            : `目前为 ${fieldText({ fields }, field.id, "value") ?? MISSING_FIELD_TEXT}。`}
        </p>
      )}
      <fieldset className="field-popover__fields" disabled={!editable}>
        {!computed && (
          <>
            <label>
              数值
              <input
                ref={valueRef}
                aria-label="数值"
                value={draft.value}
                aria-invalid={!valueOk}
                onChange={(e) => set("value", e.target.value)}
                onBlur={() => {
                  // "超40万" becomes 400000 with 超 and 万 in their own boxes, so the clerk sees how it was read.
                  if (typed?.value != null && typed.value !== draft.value.trim())
                    setDraft((d) => ({
                      ...d,
                      value: typed.value ?? "",
                      scale: typed.scale,
                      qualifier: typed.qualifier,
                      unit: typed.unit ?? d.unit,
                    }));
                }}
              />
            </label>
            {!valueOk && (
              <p className="field-popover__error">请输入数字，例如 360000、超36万、1900余、93.26，也可写汉字数字，如 两、一千九百余。</p>
            )}
            <div className="field-popover__row">
              <label>
                单位
                <input aria-label="单位" value={draft.unit} onChange={(e) => set("unit", e.target.value)} />
              </label>
              <label>
                显示为
                <select aria-label="显示为" value={draft.scale} onChange={(e) => set("scale", DisplayScale.parse(e.target.value))}>
                  {DisplayScale.options.map((s) => (
                    <option key={s} value={s}>
                      {SCALE_NAMES[s]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                修饰词
                <select aria-label="修饰词" value={draft.qualifier} onChange={(e) => set("qualifier", Qualifier.parse(e.target.value))}>
                  {Qualifier.options.map((q) => (
                    <option key={q} value={q}>
                      {QUALIFIER_NAMES[q]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </>
        )}
        <label>
          名称
          <input aria-label="名称" value={draft.label} placeholder="如：受理审批服务事项" onChange={(e) => set("label", e.target.value)} />
        </label>
        <label>
          来源
          <input aria-label="来源" value={draft.source} placeholder="如：区政务服务中心" onChange={(e) => set("source", e.target.value)} />
        </label>
      </fieldset>
      <dl className="field-popover__facts">
        <dt>正文显示</dt>
        <dd>{computed ? (fieldText({ fields }, field.id, "value") ?? MISSING_FIELD_TEXT) : (preview ?? MISSING_FIELD_TEXT)}</dd>
        {!computed && (
          <>
            <dt>上年</dt>
            <dd>{lastYear ?? "无上年数据"}</dd>
          </>
        )}
        <dt>同比</dt>
        <dd aria-label="同比">
          {yoy?.wording ?? (computed ? "—" : field.lastYear === null ? "无上年数据，无法比较" : "请先填写本年数值")}
        </dd>
        <dt>状态</dt>
        <dd aria-label="状态">
          {computed ? `${STATUS_NAMES[status]}（计算值，随“${growth.base.label || growth.base.id}”）` : STATUS_NAMES[status]}
        </dd>
      </dl>
      <div className="field-popover__actions">
        {editable ? (
          <>
            <button type="submit">应用</button>
            {!computed && (
              <button type="button" title="确认数值（Ctrl+Enter）" disabled={!canConfirm} onClick={() => commit(true) && close()}>
                确认数值
              </button>
            )}
            <button type="button" onClick={cancel}>
              取消
            </button>
          </>
        ) : (
          <button type="button" onClick={close}>
            关闭
          </button>
        )}
      </div>
    </form>
  );
}

/** Fallback when other edits came between: delete the new field's chips and record as one step. */
function removeChipsAndRecord(fieldId: string): void {
  const { editor, history } = useSessionStore.getState();
  if (editor === null || history === null) return;
  const positions = chipPositions(editor.state.doc, fieldId);
  if (positions.length > 0) {
    const tr = editor.state.tr;
    for (const pos of [...positions].reverse()) tr.delete(pos, pos + 1);
    editor.view.dispatch(tr);
  }
  if (history.removeField(fieldId)) history.groupLast(positions.length > 0 ? 2 : 1);
}
