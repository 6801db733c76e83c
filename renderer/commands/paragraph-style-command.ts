import type { Editor } from "@tiptap/core";
import { closeHistory } from "@tiptap/pm/history";
import { setParagraphStyle, type ParagraphStyle } from "../editor/paragraph-style";
import { useUiStore } from "../state/ui-store";

/** Applies a paragraph style at the caret and gives the editor the focus back; says why when it cannot. */
export function applyParagraphStyle(editor: Editor, style: ParagraphStyle): boolean {
  if (!editor.isEditable) {
    useUiStore.getState().notify("info", "报告已签发，不能修改。");
    return false;
  }
  // Typing the page has shown but ProseMirror has not read yet would be read back over the restyled
  // paragraph a moment later, undoing the style: it is taken in first.
  flushPendingInput(editor);
  const result = setParagraphStyle(editor.state, style);
  if (!result.ok) {
    useUiStore.getState().notify("info", result.reason);
    return false;
  }
  // A style change is one step of its own for 撤销, as in Word, not part of the typing before it.
  if (result.tr.docChanged) editor.view.dispatch(closeHistory(result.tr).scrollIntoView());
  editor.view.focus();
  return true;
}

/** ProseMirror reads DOM changes from a MutationObserver; its flush is internal, hence the narrow cast. */
function flushPendingInput(editor: Editor): void {
  const observer = (editor.view as unknown as { domObserver?: { flush?: () => void } }).domObserver;
  if (typeof observer?.flush === "function") observer.flush();
}
