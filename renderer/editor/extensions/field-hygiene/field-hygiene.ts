import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { MISSING_FIELD_TEXT } from "../../../../core/doc/inline-text";

export interface FieldHygieneOptions {
  /** Whether the open report defines this field id. */
  isKnownField: (fieldId: string) => boolean;
}

export const fieldHygieneKey = new PluginKey("fieldHygiene");

/**
 * Paste hygiene for field atoms (architecture.md §6.1 rule 6, after Outline's Mention): a chip
 * pasted from another report names a field this report does not have, so it becomes the plain
 * text it showed. HTML is rewritten before parsing because the atom's parse rule drops its text.
 */
export const FieldHygiene = Extension.create<FieldHygieneOptions>({
  name: "fieldHygiene",
  addOptions() {
    return { isKnownField: () => false };
  },
  addProseMirrorPlugins() {
    const { isKnownField } = this.options;
    let view: EditorView | null = null;
    return [
      new Plugin({
        key: fieldHygieneKey,
        view: (editorView) => {
          view = editorView;
          return { destroy: () => (view = null) };
        },
        props: {
          transformPastedHTML: (html) => unknownChipsToText(html, isKnownField),
        },
        // A backstop for content that arrives as nodes (drop, insertContent): unknown atoms become
        // the placeholder text. Never during IME composition, which must not see the doc shift
        // under it (TipTap #6879).
        appendTransaction: (transactions: readonly Transaction[], _old, state) => {
          if (view?.composing === true) return null;
          if (!transactions.some((tr) => tr.docChanged && isPasteOrDrop(tr))) return null;
          const unknown: { pos: number; size: number }[] = [];
          state.doc.descendants((node, pos) => {
            if (node.type.name === "reportField" && !isKnownField(String(node.attrs["fieldId"])))
              unknown.push({ pos, size: node.nodeSize });
          });
          if (unknown.length === 0) return null;
          const tr = state.tr;
          for (const { pos, size } of unknown.reverse()) tr.replaceWith(pos, pos + size, state.schema.text(MISSING_FIELD_TEXT));
          return tr;
        },
      }),
    ];
  },
});

function isPasteOrDrop(tr: Transaction): boolean {
  const event: unknown = tr.getMeta("uiEvent");
  return event === "paste" || event === "drop";
}

export function unknownChipsToText(html: string, isKnownField: (fieldId: string) => boolean): string {
  if (!html.includes("report-field")) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  let changed = false;
  for (const chip of Array.from(doc.querySelectorAll('span[data-type="report-field"]'))) {
    const id = chip.getAttribute("data-field-id");
    if (id !== null && isKnownField(id)) continue;
    chip.replaceWith(doc.createTextNode(chip.textContent === "" ? MISSING_FIELD_TEXT : (chip.textContent ?? MISSING_FIELD_TEXT)));
    changed = true;
  }
  return changed ? doc.body.innerHTML : html;
}
