import { Extension } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { ReportField, type ReportFieldOptions } from "../../../../core/schema/report-field";
import type { ReportStore } from "../../../state/report-store";
import type { PopoverAnchor } from "../../../state/ui-store";
import { createReportFieldView } from "./report-field-view";

export interface ReportFieldEditorOptions extends ReportFieldOptions {
  /** Null only in a headless editor built without chips (tests of the schema behaviour). */
  store: ReportStore | null;
  openField: (fieldId: string, anchor: PopoverAnchor) => void;
}

/** The shared schema node plus the editor-only part: the React chip. */
export const ReportFieldEditor = ReportField.extend<ReportFieldEditorOptions>({
  addOptions() {
    return { ...(this.parent?.() ?? { resolve: () => undefined }), store: null, openField: () => undefined };
  },
  addNodeView() {
    const { store, openField } = this.options;
    return store === null ? null : ReactNodeViewRenderer(createReportFieldView(store, openField));
  },
});

/**
 * Enter, Space or F2 on a selected chip opens its popover. A separate, high-priority extension:
 * the node keeps the default priority so the schema's node order stays that of core/schema, and
 * the core keymap would otherwise split the paragraph first.
 */
export const ReportFieldKeys = Extension.create<{ openField: (fieldId: string, anchor: PopoverAnchor) => void }>({
  name: "reportFieldKeys",
  priority: 1000,
  addOptions() {
    return { openField: () => undefined };
  },
  addKeyboardShortcuts() {
    const openSelected = (): boolean => {
      const { selection } = this.editor.state;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== ReportField.name) return false;
      const dom = this.editor.view.nodeDOM(selection.from);
      const rect = dom instanceof HTMLElement ? dom.getBoundingClientRect() : { left: 0, top: 0, bottom: 0 };
      this.options.openField(String(selection.node.attrs["fieldId"]), { left: rect.left, top: rect.top, bottom: rect.bottom });
      return true;
    };
    return { Enter: openSelected, Space: openSelected, F2: openSelected };
  },
});
