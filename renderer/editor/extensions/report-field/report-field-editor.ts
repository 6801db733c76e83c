import { Extension } from "@tiptap/core";
import { NodeSelection, Plugin, PluginKey, TextSelection, type EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ReportField, type ReportFieldOptions } from "../../../../core/schema/report-field";
import type { ReportStore } from "../../../state/report-store";
import type { PopoverAnchor } from "../../../state/ui-store";
import { createReportFieldView } from "./report-field-view";

export interface ReportFieldEditorOptions extends ReportFieldOptions {
  /** Null only in a headless editor built without chips (tests of the schema behaviour). */
  store: ReportStore | null;
  openField: (fieldId: string, anchor: PopoverAnchor) => void;
}

/** The shared schema node plus the editor-only part: the chip. */
export const ReportFieldEditor = ReportField.extend<ReportFieldEditorOptions>({
  addOptions() {
    return { ...(this.parent?.() ?? { resolve: () => undefined }), store: null, openField: () => undefined };
  },
  addNodeView() {
    const { store, openField } = this.options;
    return store === null ? null : createReportFieldView(store, openField);
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
      this.options.openField(String(selection.node.attrs["fieldId"]), {
        left: rect.left,
        top: rect.top,
        bottom: rect.bottom,
        pos: selection.from,
      });
      return true;
    };
    return { Enter: openSelected, Space: openSelected, F2: openSelected };
  },
  addProseMirrorPlugins() {
    return [typeAfterSelectedChip()];
  },
});

function chipSelected(state: EditorState): boolean {
  return state.selection instanceof NodeSelection && state.selection.node.type.name === ReportField.name;
}

function stepPastChip(view: EditorView): void {
  const { state } = view;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
}

/**
 * Text typed while a chip is selected goes after the chip instead of replacing it: a number is
 * removed only by Backspace/Delete beside it or a deliberate cut. An IME composition starting on
 * a selected chip likewise starts after it.
 */
function typeAfterSelectedChip(): Plugin {
  return new Plugin({
    key: new PluginKey("typeAfterSelectedChip"),
    props: {
      handleTextInput(view, _from, _to, text) {
        if (!chipSelected(view.state)) return false;
        const at = view.state.selection.to;
        const tr = view.state.tr.insertText(text, at);
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, at + text.length)).scrollIntoView());
        return true;
      },
      handleKeyDown(view, event) {
        if (chipSelected(view.state) && (event.key === "Process" || event.isComposing)) stepPastChip(view);
        return false;
      },
      handleDOMEvents: {
        compositionstart(view) {
          if (chipSelected(view.state)) stepPastChip(view);
          return false;
        },
      },
    },
  });
}
