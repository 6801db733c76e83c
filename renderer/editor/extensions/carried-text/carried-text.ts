import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { wordingOf } from "../../review-marks";

export interface CarriedTextOptions {
  /** Last year's paragraphs and headings as wording (wordingOf), read when a block changes. */
  lastYearWording: () => ReadonlySet<string>;
}

export const carriedTextKey = new PluginKey("carriedText");

/**
 * A paragraph carried over from last year stops being 沿用上年 once its wording is no longer
 * last year's: the clerk has rewritten it, which is the review the mark asks for. Only blocks the
 * change touched are looked at, so typing in a long report stays cheap. The cleared mark is part
 * of the same edit, so undo brings it back with the text.
 */
export const CarriedText = Extension.create<CarriedTextOptions>({
  name: "carriedText",
  addOptions() {
    return { lastYearWording: () => new Set<string>() };
  },
  addProseMirrorPlugins() {
    const { lastYearWording } = this.options;
    let view: EditorView | null = null;
    return [
      new Plugin({
        key: carriedTextKey,
        view: (editorView) => {
          view = editorView;
          return { destroy: () => (view = null) };
        },
        appendTransaction: (transactions: readonly Transaction[], oldState, state) => {
          // Never under an open IME composition, which must not see the block re-render (TipTap #6879).
          // Another member's edit (team mode) is judged on their screen; judging it here too would send a second change.
          if (view?.composing === true || !transactions.some((tr) => tr.docChanged && !isChangeOrigin(tr))) return null;
          const start = state.doc.content.findDiffStart(oldState.doc.content);
          const end = oldState.doc.content.findDiffEnd(state.doc.content);
          if (start === null || end === null) return null;
          const to = Math.max(start, end.b);
          let wording: ReadonlySet<string> | null = null;
          const tr = state.tr;
          state.doc.nodesBetween(start, Math.min(to + 1, state.doc.content.size), (node, pos) => {
            if (!node.isTextblock) return true;
            if (node.attrs["carried"] !== true) return false;
            wording ??= lastYearWording();
            if (!wording.has(wordingOf(node))) tr.setNodeAttribute(pos, "carried", false);
            return false;
          });
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});
