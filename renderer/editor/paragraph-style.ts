import type { Node as PmNode, ResolvedPos } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { toChineseNumeral } from "../../core/text/chinese-numeral";

/** 正文 or a heading level: what the style control, its shortcuts and its menu set. */
export type ParagraphStyle = "body" | 1 | 2 | 3 | 4;

export const PARAGRAPH_STYLES: readonly { style: ParagraphStyle; label: string; shortcut: string }[] = [
  { style: "body", label: "正文", shortcut: "Ctrl+Alt+0" },
  { style: 1, label: "一级标题 一、", shortcut: "Ctrl+Alt+1" },
  { style: 2, label: "二级标题 （一）", shortcut: "Ctrl+Alt+2" },
  { style: 3, label: "三级标题 1.", shortcut: "Ctrl+Alt+3" },
  { style: 4, label: "四级标题 （1）", shortcut: "Ctrl+Alt+4" },
];

type Level = 1 | 2 | 3 | 4;

/* The GB/T 9704 numbering of each level as typed at the start of a heading (lenient on brackets and stops). */
const NUMBERING: Record<Level, RegExp> = {
  1: /^[一二三四五六七八九十]+\s*[、.．，,]\s*/u,
  2: /^[（(]\s*[一二三四五六七八九十]+\s*[)）][、.．]?\s*/u,
  3: /^\d{1,2}(?:\.、|[.．](?!\d)|、)\s*/u,
  4: /^[（(]\s*\d{1,2}\s*[)）][、.．]?\s*/u,
};

function numbering(level: Level, n: number): string {
  if (level === 1) return `${toChineseNumeral(n)}、`;
  if (level === 2) return `（${toChineseNumeral(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** The style of the paragraph the caret is in; null where headings cannot go (a table cell). */
export function currentStyle(state: EditorState): ParagraphStyle | null {
  const { $from } = state.selection;
  const block = $from.parent;
  if (block.type.name === "heading") return Number(block.attrs["level"]) as Level;
  if (block.type.name !== "paragraph") return null;
  if ($from.depth >= 2 && $from.node($from.depth - 1).type.name !== "part") return null;
  return "body";
}

export type StyleResult = { ok: true; tr: Transaction } | { ok: false; reason: string };

/**
 * The transaction that gives the paragraph at the caret a style, as Word's style list does:
 * a heading gets the next number of its level in front (plain text the clerk may edit) and the
 * headings after it at that level are renumbered; 正文 drops the heading's number. A level-1
 * heading starts a part of its own (the body's shape is opening text, then parts); the level-1
 * headings of the statutory parts never change.
 */
export function setParagraphStyle(state: EditorState, style: ParagraphStyle): StyleResult {
  const { $from } = state.selection;
  const block = $from.parent;
  if (!block.isTextblock) return { ok: false, reason: "请先把光标放在要设置样式的段落中。" };
  const current = currentStyle(state);
  if (current === null) return { ok: false, reason: "表格中的文字只能是正文。" };
  const many = style === 1 ? [] : selectedBlocks(state);
  if (many.length > 1) {
    // Several paragraphs selected: each gets the style, as in Word; part headings keep theirs.
    const tr = state.tr;
    for (const pos of many) restyle(tr, tr.mapping.map(pos), style);
    renumber(tr);
    return { ok: true, tr };
  }
  if (current === style) return { ok: true, tr: state.tr };
  if ($from.depth === 1) return { ok: false, reason: "“一、”之前的开头段落只能是正文。" };
  const partDepth = $from.depth - 1;
  const part = $from.node(partDepth);
  const blockIndex = $from.index(partDepth);
  const tr = state.tr;
  const blockPos = $from.before();

  if (blockIndex === 0) {
    // The part's own level-1 heading.
    if (part.attrs["partId"] !== null) return { ok: false, reason: "法定部分的一级标题不能更改样式。" };
    const partIndex = $from.index(0);
    if (partIndex === 0 || state.doc.child(partIndex - 1).type.name !== "part")
      return { ok: false, reason: "第一个部分的一级标题不能更改样式。" };
    // The added part ends: its content joins the part before it.
    tr.join($from.before(partDepth));
    const pos = tr.mapping.map(blockPos);
    restyle(tr, pos, style);
  } else if (style === 1) {
    restyle(tr, blockPos, 1);
    tr.split(blockPos, 1, [{ type: part.type, attrs: { partId: null } }]);
  } else {
    restyle(tr, blockPos, style);
  }
  renumber(tr);
  return { ok: true, tr };
}

/** The start of every paragraph and heading (not a part's own heading) the selection touches. */
function selectedBlocks(state: EditorState): number[] {
  const { from, to } = state.selection;
  const out: number[] = [];
  state.doc.nodesBetween(from, to, (node, pos, parent, index) => {
    if (node.isTextblock) {
      if (parent?.type.name === "part" && index > 0) out.push(pos);
      return false;
    }
    return node.type.name === "doc" || node.type.name === "part";
  });
  return out;
}

/** Changes the block at pos to the style, swapping its leading number for the new level's. */
function restyle(tr: Transaction, pos: number, style: ParagraphStyle): void {
  const node = tr.doc.nodeAt(pos);
  if (node === null) return;
  const schema = tr.doc.type.schema;
  const oldLevel = node.type.name === "heading" ? (Number(node.attrs["level"]) as Level) : null;
  // A leading number of the old level (or, for a paragraph, of the new one) belongs to the style.
  const strip = oldLevel ?? (style === "body" ? null : style);
  const text = node.textContent;
  const match = strip === null ? null : NUMBERING[strip].exec(text);
  const carried = node.attrs["carried"] === true;
  if (style === "body") tr.setNodeMarkup(pos, schema.nodes["paragraph"], { carried });
  else tr.setNodeMarkup(pos, schema.nodes["heading"], { level: style, carried });
  if (match !== null && match[0].length > 0 && node.firstChild?.isText === true && (node.firstChild.text ?? "").startsWith(match[0])) {
    tr.delete(pos + 1, pos + 1 + match[0].length);
  }
  // A placeholder the renumbering below replaces with the right number.
  if (style !== "body") tr.insertText(numbering(style, 1), pos + 1);
}

/**
 * Numbers every heading that carries a number of its level, in order: level 1 across the parts,
 * levels 2–4 within the heading above them. Headings written without a number stay so.
 */
function renumber(tr: Transaction): void {
  const edits: { from: number; to: number; text: string }[] = [];
  let partCount = 0;
  tr.doc.forEach((part, partOffset) => {
    if (part.type.name !== "part") return;
    partCount++;
    const counters: number[] = [0, partCount, 0, 0, 0];
    part.forEach((block, blockOffset, index) => {
      if (block.type.name !== "heading") return;
      const level = Number(block.attrs["level"]) as Level;
      let n: number;
      if (index === 0) n = partCount;
      else {
        counters[level] = (counters[level] ?? 0) + 1;
        n = counters[level] ?? 1;
      }
      for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0;
      if (level === 1 && index !== 0) return;
      const first = block.firstChild;
      const match = first?.isText === true ? NUMBERING[level].exec(first.text ?? "") : null;
      if (match === null) return;
      const wanted = numbering(level, n);
      const written = match[0].trimEnd();
      if (written === wanted) return;
      const from = partOffset + 1 + blockOffset + 1;
      edits.push({ from, to: from + written.length, text: wanted });
    });
  });
  for (const edit of edits.reverse()) tr.insertText(edit.text, edit.from, edit.to);
}

/** The part the position is in and that part's index in the body, if any. */
export function partAt($pos: ResolvedPos): { node: PmNode; index: number; pos: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === "part") return { node, index: $pos.index(0), pos: $pos.before(depth) };
  }
  return null;
}
