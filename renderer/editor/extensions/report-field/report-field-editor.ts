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

/** The shared schema node plus the editor-only parts: the React chip and keyboard access. */
export const ReportFieldEditor = ReportField.extend<ReportFieldEditorOptions>({
  addOptions() {
    return { ...(this.parent?.() ?? { resolve: () => undefined }), store: null, openField: () => undefined };
  },
  addNodeView() {
    const { store, openField } = this.options;
    return store === null ? null : ReactNodeViewRenderer(createReportFieldView(store, openField));
  },
  addKeyboardShortcuts() {
    const openSelected = (): boolean => {
      const { selection } = this.editor.state;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false;
      const dom = this.editor.view.nodeDOM(selection.from);
      const rect = dom instanceof HTMLElement ? dom.getBoundingClientRect() : { left: 0, top: 0, bottom: 0 };
      this.options.openField(String(selection.node.attrs["fieldId"]), { left: rect.left, top: rect.top, bottom: rect.bottom });
      return true;
    };
    return { Enter: openSelected, Space: openSelected, F2: openSelected };
  },
});
