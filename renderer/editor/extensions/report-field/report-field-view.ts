import type { NodeViewRenderer } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { shownStatus } from "../../../../core/fields/bound-growth";
import type { Field } from "../../../../core/model/field";
import type { ReportState } from "../../../state/report-state";
import type { ReportStore } from "../../../state/report-store";
import type { PopoverAnchor } from "../../../state/ui-store";
import { chipSource, fieldText } from "../../field-text";

/** What a chip's look depends on; the chip redraws only when one of these changes. */
interface ChipInputs {
  field: Field | undefined;
  base: Field | undefined;
  thousandsSeparator: boolean;
  show: "value" | "yoy";
}

function inputsOf(state: ReportState, node: PmNode): ChipInputs {
  const field = state.fields[String(node.attrs["fieldId"])];
  const baseId = field?.kind === "growth" ? field.baseFieldId : null;
  return {
    field,
    base: baseId === null ? undefined : state.fields[baseId],
    thousandsSeparator: state.report.meta.profile.thousandsSeparator,
    show: node.attrs["show"] === "yoy" ? "yoy" : "value",
  };
}

const sameInputs = (a: ChipInputs, b: ChipInputs): boolean =>
  a.field === b.field && a.base === b.base && a.thousandsSeparator === b.thousandsSeparator && a.show === b.show;

/**
 * The chip: a plain ProseMirror node view. It only displays; editing happens in a popover outside
 * the contenteditable, because inputs inside inline node views break IME input (TipTap #7135).
 * Written by hand rather than with TipTap's ReactNodeViewRenderer: on a 100-page report the 200+
 * React portals made opening slow, and a field edit re-rendered its chips only after React's next
 * render; here a field edit redraws exactly the chips of that field, synchronously, from the
 * store's own subscription.
 */
export function createReportFieldView(store: ReportStore, openField: (fieldId: string, anchor: PopoverAnchor) => void): NodeViewRenderer {
  return ({ node: initialNode, getPos }) => {
    let node = initialNode;
    let selected = false;
    const dom = document.createElement("span");
    dom.setAttribute("data-field-id", String(node.attrs["fieldId"]));
    let inputs = inputsOf(store.getState(), node);

    const draw = (): void => {
      const fieldId = String(node.attrs["fieldId"]);
      const { field, base, show, thousandsSeparator } = inputs;
      const text = fieldText(chipSource(field, base), fieldId, show, { thousandsSeparator });
      // A bound growth field is computed: it shows its base's state, not a 【缺数】 of its own.
      const state = field === undefined ? "missing" : shownStatus(chipSource(field, base).fields, field);
      const label = field?.label === undefined || field.label === "" ? "未命名字段" : field.label;
      const className = `field-chip field-chip--${state}${show === "yoy" ? " field-chip--yoy" : ""}${selected ? " is-selected ProseMirror-selectednode" : ""}`;
      if (dom.className !== className) dom.className = className;
      if (dom.getAttribute("data-field-id") !== fieldId) dom.setAttribute("data-field-id", fieldId);
      const title = state === "confirmed" ? label : `${label}（未确认）`;
      if (dom.title !== title) dom.title = title;
      const aria = `字段 ${label}：${text}${state === "confirmed" ? "" : "，未确认"}`;
      if (dom.getAttribute("aria-label") !== aria) dom.setAttribute("aria-label", aria);
      if (dom.textContent !== text) dom.textContent = text;
    };
    draw();

    const unsubscribe = store.subscribe((state) => {
      const next = inputsOf(state, node);
      if (sameInputs(next, inputs)) return;
      inputs = next;
      draw();
    });
    const handleClick = (): void => {
      const rect = dom.getBoundingClientRect();
      const pos = getPos();
      openField(String(node.attrs["fieldId"]), {
        left: rect.left,
        top: rect.top,
        bottom: rect.bottom,
        ...(pos === undefined ? {} : { pos }),
      });
    };
    dom.addEventListener("click", handleClick);

    return {
      dom,
      update: (next) => {
        if (next.type !== node.type) return false;
        node = next;
        inputs = inputsOf(store.getState(), node);
        draw();
        return true;
      },
      selectNode: () => {
        selected = true;
        draw();
      },
      deselectNode: () => {
        selected = false;
        draw();
      },
      destroy: () => {
        unsubscribe();
        dom.removeEventListener("click", handleClick);
      },
    };
  };
}
