import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { FLASH_MS, setFlash, type FlashRange } from "./extensions/locate-flash/locate-flash";
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

/**
 * Selects cells of a statutory table (their grid shows them and takes the keyboard); false when
 * none of them is a cell of a table on screen.
 */
export function selectTableCells(fieldIds: readonly string[]): boolean {
  const shown = fieldIds.some((id) => document.querySelector(`.statutory-table input[data-field-id="${CSS.escape(id)}"]`) !== null);
  if (shown) useUiStore.getState().selectCells(fieldIds);
  return shown;
}

/** Selects the field's first chip in the text (or its table cell) and scrolls to it; says so when it is not placed. */
export function locateField(editor: Editor, fieldId: string): boolean {
  if (selectTableCells([fieldId])) return true;
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

let flashTimer: number | null = null;

/**
 * Points at a path (a finding's place): scrolls it to the middle of the view, highlights it
 * with a fading mark and puts the caret at its start. Nothing is selected, so the first key typed
 * adds text instead of replacing the place.
 */
export function pointAtPath(editor: Editor, path: ReportPath): boolean {
  const pos = positionOfPath(editor, path);
  if (pos === null) return false;
  const { doc } = editor.state;
  const node = doc.nodeAt(pos);
  if (node === null) return false;
  let flash: FlashRange;
  let caret: number;
  if (node.type.name === "part") {
    const heading = node.firstChild;
    flash = { from: pos + 1, to: pos + 1 + (heading?.nodeSize ?? 0), node: true };
    caret = pos + 2;
  } else if (node.isText) {
    flash = { from: pos, to: pos + node.nodeSize, node: false };
    caret = pos;
  } else {
    flash = { from: pos, to: pos + node.nodeSize, node: true };
    caret = node.isInline ? pos : pos + 1;
  }
  const selection = TextSelection.near(doc.resolve(Math.min(caret, doc.content.size)));
  editor.view.dispatch(setFlash(editor.state.tr.setSelection(selection), flash));
  editor.view.focus();
  scrollToMiddle(editor, flash);
  if (flashTimer !== null) window.clearTimeout(flashTimer);
  flashTimer = window.setTimeout(() => {
    flashTimer = null;
    if (!editor.isDestroyed) editor.view.dispatch(setFlash(editor.state.tr, null));
  }, FLASH_MS);
  return true;
}

function scrollToMiddle(editor: Editor, flash: FlashRange): void {
  const dom = flash.node ? editor.view.nodeDOM(flash.from) : editor.view.domAtPos(flash.from).node;
  const element = dom instanceof HTMLElement ? dom : dom?.parentElement;
  element?.scrollIntoView({ block: "center" });
}

/** Scrolls a part's heading near the top of the page column and puts the caret in it. */
export function showPartHeading(editor: Editor, partIndex: number): void {
  const { doc } = editor.state;
  if (partIndex < 0 || partIndex >= doc.childCount) return;
  let pos = 0;
  for (let i = 0; i < partIndex; i++) pos += doc.child(i).nodeSize;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near(doc.resolve(pos + 2))));
  editor.view.focus();
  const heading = editor.view.nodeDOM(pos + 1);
  const scroller = heading instanceof HTMLElement ? heading.closest(".page-scroll") : null;
  if (!(heading instanceof HTMLElement) || scroller === null) return;
  // A little room above, so the heading does not sit flush against the toolbar.
  scroller.scrollTop += heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 24;
}
