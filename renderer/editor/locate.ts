import type { Editor } from "@tiptap/core";
import type { ReportPath } from "../../core/checks/finding";
import { useUiStore } from "../state/ui-store";

/**
 * The ProseMirror position of a JSON path into the report body (["body","content",2,"content",0]):
 * the editor's document mirrors the DocNode JSON, so each content index is a child index.
 * Returns the position before the deepest node that still exists.
 */
export function positionOfPath(editor: Editor, path: ReportPath): number | null {
  if (path[0] !== "body") return null;
  let node = editor.state.doc;
  let contentStart = 0;
  let pos: number | null = null;
  for (let k = 1; k + 1 < path.length; k += 2) {
    const index = path[k + 1];
    if (path[k] !== "content" || typeof index !== "number" || index >= node.childCount) break;
    let p = contentStart;
    for (let i = 0; i < index; i++) p += node.child(i).nodeSize;
    node = node.child(index);
    pos = p;
    contentStart = p + 1;
  }
  return pos;
}

/** Puts the caret at a path (a finding's place) and scrolls it into view. */
export function locatePath(editor: Editor, path: ReportPath): boolean {
  const pos = positionOfPath(editor, path);
  if (pos === null) return false;
  const node = editor.state.doc.nodeAt(pos);
  const inside = node !== null && !node.isText && !node.isAtom ? pos + 1 : pos;
  if (node?.isAtom === true) editor.chain().setNodeSelection(pos).focus().run();
  else editor.chain().setTextSelection(Math.min(inside, editor.state.doc.content.size)).focus().run();
  const dom = editor.view.domAtPos(inside).node;
  const element = dom instanceof HTMLElement ? dom : dom.parentElement;
  element?.scrollIntoView({ block: "center" });
  return true;
}

/** Selects the field's first chip in the text and scrolls to it; says so when it is not placed. */
export function locateField(editor: Editor, fieldId: string): boolean {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === "reportField" && node.attrs["fieldId"] === fieldId) found = pos;
    return true;
  });
  if (found === null) {
    useUiStore.getState().notify("info", "此字段尚未放在正文中。");
    return false;
  }
  editor.chain().setNodeSelection(found).scrollIntoView().focus().run();
  const dom = editor.view.nodeDOM(found);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "center" });
  return true;
}

/** The part's first block: used when a finding names only a part. */
export function locatePart(editor: Editor, partId: string): boolean {
  let found: number | null = null;
  editor.state.doc.forEach((node, _offset, index) => {
    if (found === null && node.type.name === "part" && node.attrs["partId"] === partId) found = index;
  });
  return found !== null && locatePath(editor, ["body", "content", found]);
}
