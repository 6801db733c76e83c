import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

const blockSizeHintKey = new PluginKey<DecorationSet>("blockSizeHint");

/** The GB/T 9704 grid the page column is drawn on: 28 characters to a line. */
const CHARACTERS_PER_LINE = 28;
/** What a chip adds to its line, on average (a number and its unit). */
const CHIP_CHARACTERS = 4;

/** Lines a block takes in the page column: its characters, the 2-character first-line indent, 28 a line. */
export function estimatedLines(block: PmNode): number {
  let characters = 2;
  block.forEach((child) => {
    characters += child.isText ? (child.text?.length ?? 0) : CHIP_CHARACTERS;
  });
  return Math.max(1, Math.ceil(characters / CHARACTERS_PER_LINE));
}

function hints(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "table") return false;
    if (!node.isTextblock) return true;
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { style: `--lines: ${estimatedLines(node)}` }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * The page's blocks are drawn with `content-visibility: auto` (styles.css): a block off screen is
 * neither laid out nor painted, and the browser's own editing work on each keystroke no longer
 * walks the whole 100-page text. Until a block has been shown once its height is a placeholder;
 * this gives each block the height its text will take, so the scrollbar, a jump to a finding and
 * a click after scrolling land where the text really is. Set once when the report opens and then
 * only moved with the text: a block the clerk has seen keeps the size it was drawn at (CSS `auto`).
 */
export const BlockSizeHint = Extension.create({
  name: "blockSizeHint",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: blockSizeHintKey,
        state: {
          init: (_config, state) => hints(state.doc),
          apply: (tr, set) => (tr.docChanged ? set.map(tr.mapping, tr.doc) : set),
        },
        props: { decorations: (state) => blockSizeHintKey.getState(state) },
      }),
    ];
  },
});
