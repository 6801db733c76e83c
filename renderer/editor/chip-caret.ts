import type { Editor } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";

/** Where the chips of a field sit in the document, in document order. */
export function chipPositions(doc: PmNode, fieldId: string): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "reportField" && node.attrs["fieldId"] === fieldId) found.push(pos);
    return !node.isInline;
  });
  return found;
}

/**
 * The chip the clerk was working on: the one at `pos` when it is still there, else the selected
 * chip of that field, else its first chip.
 */
export function chipPosition(editor: Editor, fieldId: string, pos: number | null): number | null {
  const { state } = editor;
  const at = pos === null || pos > state.doc.content.size ? null : state.doc.nodeAt(pos);
  if (pos !== null && at?.type.name === "reportField" && at.attrs["fieldId"] === fieldId) return pos;
  const { selection } = state;
  if (selection instanceof NodeSelection && selection.node.attrs["fieldId"] === fieldId) return selection.from;
  return chipPositions(state.doc, fieldId)[0] ?? null;
}

/**
 * After the popover: the caret right after the chip, the text in view and the keyboard in the
 * editor, so the next key types on and never replaces the chip.
 */
export function caretAfterChip(editor: Editor, fieldId: string, pos: number | null): void {
  const chip = chipPosition(editor, fieldId, pos);
  const { state, view } = editor;
  if (chip !== null) {
    const after = chip + (state.doc.nodeAt(chip)?.nodeSize ?? 1);
    view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, after)).scrollIntoView());
  }
  // Synchronously, unlike the focus command, so keys typed right after closing reach the text.
  view.focus();
}
