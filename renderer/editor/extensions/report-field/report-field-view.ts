import type { NodeViewRenderer } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { shownStatus } from "../../../../core/fields/bound-growth";
import type { Field } from "../../../../core/model/field";
import type { ReportState } from "../../../state/report-state";
import type { ReportStore } from "../../../state/report-store";
import type { PopoverAnchor } from "../../../state/ui-store";
import { chipSource, shownFieldText } from "../../field-text";

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
 * store's own subscription (one for all chips, see chipRegistry).
 */
export function createReportFieldView(store: ReportStore, openField: (fieldId: string, anchor: PopoverAnchor) => void): NodeViewRenderer {
  const chips = chipRegistry(store);
  return ({ node: initialNode, getPos }) => {
    let node = initialNode;
    let selected = false;
    const dom = document.createElement("span");
    dom.setAttribute("data-field-id", String(node.attrs["fieldId"]));
    let inputs = inputsOf(store.getState(), node);

    const draw = (): void => {
      const fieldId = String(node.attrs["fieldId"]);
      const { field, base, show, thousandsSeparator } = inputs;
      const text = shownFieldText(field, base, show, thousandsSeparator);
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

    const refresh = (state: ReportState): void => {
      const next = inputsOf(state, node);
      if (sameInputs(next, inputs)) return;
      inputs = next;
      draw();
    };
    let registered = String(node.attrs["fieldId"]);
    const unregister = chips.add(registered, refresh);
    let unsubscribe = unregister;
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
        const fieldId = String(node.attrs["fieldId"]);
        if (fieldId !== registered) {
          unsubscribe();
          registered = fieldId;
          unsubscribe = chips.add(fieldId, refresh);
        }
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

type Refresh = (state: ReportState) => void;

interface ChipRegistry {
  /** Registers a chip's redraw under its field id; returns the unregistration. */
  add: (fieldId: string, refresh: Refresh) => () => void;
}

const registries = new WeakMap<ReportStore, ChipRegistry>();

/**
 * One store subscription for all the chips of a report instead of one per chip: a keystroke
 * (which changes the store's revision) then costs one comparison, not one per chip, and a field
 * edit reaches only the chips of the fields it changed and of the growth fields computed from them.
 */
function chipRegistry(store: ReportStore): ChipRegistry {
  const existing = registries.get(store);
  if (existing !== undefined) return existing;
  const byField = new Map<string, Set<Refresh>>();
  const thousands = (state: ReportState) => state.report.meta.profile.thousandsSeparator;
  store.subscribe((state, previous) => {
    if (state.fields === previous.fields && thousands(state) === thousands(previous)) return;
    if (thousands(state) !== thousands(previous)) {
      for (const refreshes of byField.values()) for (const refresh of refreshes) refresh(state);
      return;
    }
    const changed = new Set<string>();
    for (const id of Object.keys(state.fields)) if (state.fields[id] !== previous.fields[id]) changed.add(id);
    for (const id of Object.keys(previous.fields)) if (!(id in state.fields)) changed.add(id);
    for (const field of Object.values(state.fields))
      if (field.kind === "growth" && field.baseFieldId !== null && changed.has(field.baseFieldId)) changed.add(field.id);
    for (const id of changed) for (const refresh of byField.get(id) ?? []) refresh(state);
  });
  const registry: ChipRegistry = {
    add: (fieldId, refresh) => {
      let refreshes = byField.get(fieldId);
      if (refreshes === undefined) byField.set(fieldId, (refreshes = new Set()));
      refreshes.add(refresh);
      return () => {
        refreshes.delete(refresh);
        if (refreshes.size === 0 && byField.get(fieldId) === refreshes) byField.delete(fieldId);
      };
    },
  };
  registries.set(store, registry);
  return registry;
}
