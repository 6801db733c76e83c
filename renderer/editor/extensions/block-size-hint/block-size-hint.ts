import type { Node as PmNode } from "@tiptap/pm/model";
import type { DOMOutputSpec } from "@tiptap/pm/model";

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

/**
 * The page's blocks are drawn with `content-visibility: auto` (styles.css): a block off screen is
 * neither laid out nor painted, and the browser's own editing work on each keystroke no longer
 * walks the whole 100-page text. Until a block has been shown once its height is a placeholder;
 * this gives the block, when its element is made, the height its text will take, so the scrollbar,
 * a jump to a finding and a click after scrolling land where the text really is. Once shown, a
 * block keeps the height it was drawn at (CSS `auto`), so the hint is never updated. Written into
 * the element ProseMirror makes rather than as decorations: 800 node decorations cost a 100-page
 * report ≈200 ms more to open.
 */
export function withSizeHint(spec: DOMOutputSpec, block: PmNode): DOMOutputSpec {
  if (!Array.isArray(spec)) return spec;
  const [tag, attributes, ...rest] = spec as [string, unknown, ...unknown[]];
  const hint = `--lines: ${estimatedLines(block)}`;
  if (typeof attributes === "object" && attributes !== null && !Array.isArray(attributes)) {
    const own = attributes as Record<string, unknown>;
    const style = typeof own["style"] === "string" && own["style"] !== "" ? `${own["style"]}; ${hint}` : hint;
    return [tag, { ...own, style }, ...rest] as DOMOutputSpec;
  }
  return [tag, { style: hint }, ...(attributes === undefined ? [] : [attributes]), ...rest] as DOMOutputSpec;
}
