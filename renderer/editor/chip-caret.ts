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
 * F11 / Shift+F11 (Alt+F1 / Alt+Shift+F1), Word's 下一域 / 上一域: selects the next (previous)
 * chip after the selection, from the top again past the last one, and scrolls it to the middle of
 * the view; Enter or F2 then opens it. False when the text has no chip.
 */
export function selectNextChip(editor: Editor, step: 1 | -1): boolean {
  const { state, view } = editor;
  const all: number[] = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === "reportField") all.push(pos);
    return !node.isInline;
  });
  if (all.length === 0) return false;
  const { from, to } = state.selection;
  const onChip = state.selection instanceof NodeSelection && state.selection.node.type.name === "reportField";
  const next =
    step === 1
      ? (all.find((pos) => (onChip ? pos > from : pos >= to)) ?? all[0])
      : ([...all].reverse().find((pos) => pos < from) ?? all[all.length - 1]);
  if (next === undefined) return false;
  view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, next)));
  view.focus();
  const dom = view.nodeDOM(next);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center" });
  return true;
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
