import type { Node as PmNode } from "@tiptap/pm/model";
import { closeHistory } from "@tiptap/pm/history";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { normalWording } from "../../core/compare/carried-wording";
import { FIELD_TOKEN } from "../../core/compare/collect-paragraphs";

/** A block's wording as core/compare/carried-wording reads it (chips one character, no whitespace). */
export function wordingOf(block: PmNode): string {
  let text = "";
  block.forEach((child) => {
    if (child.isText) text += child.text ?? "";
    else if (child.type.name === "reportField") text += FIELD_TOKEN;
  });
  return normalWording(text);
}

/** Whether a carried mark may sit on this block: never on a part's own level-1 heading (the statutory heading). */
function isPartHeading(state: EditorState | Transaction, pos: number): boolean {
  const $pos = ("doc" in state ? state.doc : state).resolve(pos);
  return $pos.parent.type.name === "part" && $pos.index() === 0;
}

/** Clears the carried mark of every block in [from, to); returns how many it cleared. */
export function clearCarried(tr: Transaction, from: number, to: number): number {
  let cleared = 0;
  tr.doc.nodesBetween(from, to, (node, pos, parent, index) => {
    if (node.isTextblock) {
      if (node.attrs["carried"] === true) {
        tr.setNodeAttribute(pos, "carried", false);
        // A statutory heading's mark goes too, but it was never counted as text to review.
        if (!(parent?.type.name === "part" && index === 0)) cleared++;
      }
      return false;
    }
    return true;
  });
  return cleared;
}

/** 标为已审阅 for the paragraphs the selection touches. */
export function markSelectionReviewed(state: EditorState): { tr: Transaction; cleared: number } {
  // One undo step of its own.
  const tr = closeHistory(state.tr);
  const { $from, $to } = state.selection;
  const cleared = clearCarried(tr, $from.start(), Math.max($to.end(), $from.start() + 1));
  return { tr, cleared };
}

/** 本部分全部已审阅: every carried block of the part at this index of the body. */
export function markPartReviewed(state: EditorState, partIndex: number): { tr: Transaction; cleared: number } {
  const tr = closeHistory(state.tr);
  if (partIndex < 0 || partIndex >= state.doc.childCount) return { tr, cleared: 0 };
  let pos = 0;
  for (let i = 0; i < partIndex; i++) pos += state.doc.child(i).nodeSize;
  const cleared = clearCarried(tr, pos, pos + state.doc.child(partIndex).nodeSize);
  return { tr, cleared };
}

/** Carried blocks still unreviewed, for the context menu: statutory headings never count. */
export function isCarriedAt(state: EditorState): boolean {
  const { $from } = state.selection;
  return $from.parent.attrs["carried"] === true && !isPartHeading(state, $from.before());
}

/** Set on the transaction that drops stale marks when a report opens: not an edit of the clerk's. */
export const TIDY_CARRIED = "nianbao:tidyCarried";

/**
 * Drops the mark from carried blocks whose wording is no longer last year's (files written before
 * rewriting cleared the mark), so the colour agrees with 检查. Null when nothing is stale.
 */
export function tidyCarried(state: EditorState, lastYear: ReadonlySet<string>): Transaction | null {
  const tr = state.tr;
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (node.attrs["carried"] === true && !lastYear.has(wordingOf(node))) tr.setNodeAttribute(pos, "carried", false);
    return false;
  });
  return tr.docChanged ? tr.setMeta("addToHistory", false).setMeta(TIDY_CARRIED, true) : null;
}
