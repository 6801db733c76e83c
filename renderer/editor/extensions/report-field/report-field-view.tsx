import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { useMemo, type MouseEvent } from "react";
import type { ReportStore } from "../../../state/report-store";
import { useReportStore } from "../../../state/report-store";
import type { PopoverAnchor } from "../../../state/ui-store";
import { shownStatus } from "../../../../core/fields/bound-growth";
import { chipSource, fieldText } from "../../field-text";

/**
 * The chip. It only displays: editing happens in a popover outside the contenteditable, because
 * inputs inside inline node views break IME input (TipTap #7135).
 */
export function createReportFieldView(store: ReportStore, openField: (fieldId: string, anchor: PopoverAnchor) => void) {
  return function ReportFieldView({ node, selected, getPos }: ReactNodeViewProps) {
    const fieldId = String(node.attrs["fieldId"]);
    const show = node.attrs["show"] === "yoy" ? "yoy" : "value";
    const field = useReportStore(store, (s) => s.fields[fieldId]);
    // Selectors stay lookups (every store change runs them for every chip); a bound growth field
    // also follows its base field.
    const baseId = field?.kind === "growth" ? field.baseFieldId : null;
    const base = useReportStore(store, (s) => (baseId === null ? undefined : s.fields[baseId]));
    const thousandsSeparator = useReportStore(store, (s) => s.report.meta.profile.thousandsSeparator);
    const text = useMemo(
      () => fieldText(chipSource(field, base), fieldId, show, { thousandsSeparator }),
      [field, base, fieldId, show, thousandsSeparator],
    );
    // A bound growth field is computed: it shows its base's state, not a 【缺数】 of its own.
    const state = field === undefined ? "missing" : shownStatus(chipSource(field, base).fields, field);
    const label = field?.label === undefined || field.label === "" ? "未命名字段" : field.label;
    const handleClick = (event: MouseEvent<HTMLElement>) => {
      const rect = event.currentTarget.getBoundingClientRect();
      const pos = getPos();
      openField(fieldId, { left: rect.left, top: rect.top, bottom: rect.bottom, ...(pos === undefined ? {} : { pos }) });
    };
    return (
      <NodeViewWrapper
        as="span"
        className={`field-chip field-chip--${state}${show === "yoy" ? " field-chip--yoy" : ""}${selected ? " is-selected" : ""}`}
        data-field-id={fieldId}
        title={state === "confirmed" ? label : `${label}（未确认）`}
        aria-label={`字段 ${label}：${text}${state === "confirmed" ? "" : "，未确认"}`}
        onClick={handleClick}
      >
        {text}
      </NodeViewWrapper>
    );
  };
}
