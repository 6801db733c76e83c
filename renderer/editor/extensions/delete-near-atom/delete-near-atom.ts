import { Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";

/**
 * Backspace/Delete next to a field atom, done by hand: browsers' own handling around
 * contenteditable=false inline nodes deletes too much or nothing (outline/outline#10681, fixed in
 * #10759 with the same approach).
 */
export const DeleteNearAtom = Extension.create({
  name: "deleteNearAtom",
  addKeyboardShortcuts() {
    const run = (direction: "backward" | "forward") => (): boolean => {
      const tr = deleteNearAtom(this.editor.state, direction);
      if (tr === null) return false;
      this.editor.view.dispatch(tr);
      return true;
    };
    return { Backspace: run("backward"), Delete: run("forward") };
  },
});

/** The transaction for one Backspace/Delete beside an atom, or null to leave the key to defaults. */
export function deleteNearAtom(state: EditorState, direction: "backward" | "forward"): Transaction | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  const adjacent = direction === "backward" ? $pos.nodeBefore : $pos.nodeAfter;
  if (adjacent === null) return null;
  if (adjacent.isAtom && adjacent.isInline) {
    return direction === "backward"
      ? state.tr.delete($pos.pos - adjacent.nodeSize, $pos.pos)
      : state.tr.delete($pos.pos, $pos.pos + adjacent.nodeSize);
  }
  if (!adjacent.isText || adjacent.text === undefined) return null;
  // One character of text with an atom on its far side: delete just that character.
  const chars = Array.from(adjacent.text);
  const char = direction === "backward" ? chars[chars.length - 1] : chars[0];
  if (char === undefined || chars.length !== 1) {
    return null;
  }
  const from = direction === "backward" ? $pos.pos - char.length : $pos.pos;
  const beyond = state.doc.resolve(direction === "backward" ? from : from + char.length);
  const far = direction === "backward" ? beyond.nodeBefore : beyond.nodeAfter;
  if (far === null || !(far.isAtom && far.isInline)) return null;
  return state.tr.delete(from, from + char.length);
}
