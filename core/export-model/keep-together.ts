import type { ExportBlock } from "./export-model";
import { textWidthChars } from "./signature-layout";

/** Characters on a full line of the 22 × 28 grid. */
const LINE_CHARS = 28;

/** How a block keeps with what follows it: on the same page, and (widow/orphan) not split 1 + rest. */
export interface Keep {
  /** Break nowhere between this block's end and the next block's start. */
  keepNext: boolean;
  /** Widow and orphan control of two lines, the same rule in the .docx and the print CSS. */
  twoLines: boolean;
}

/**
 * GB/T 9704 7.3.5: the 署名 and 成文日期 never stand alone on a page. The blank lines before the
 * 署名 keep with it, and so does the body's end: at least its last two lines (a one-line last
 * paragraph brings the block before it along). The 落款 keeps with a 附注 after it. Both writers
 * apply these by index; a page left short by them is allowed. Headings keep with the next block
 * through their styles (write-docx.ts, print.css), not here.
 */
export function keepTogether(blocks: readonly ExportBlock[]): Map<number, Keep> {
  const keeps = new Map<number, Keep>();
  const signature = blocks.findIndex((b) => b.kind === "signature");
  if (signature === -1) return keeps;
  if (blocks[signature + 1]?.kind === "note") keeps.set(signature, { keepNext: true, twoLines: false });
  let i = signature - 1;
  for (; i >= 0 && blocks[i]?.kind === "blankLine"; i--) keeps.set(i, { keepNext: true, twoLines: false });
  let lines = 0;
  for (; i >= 0 && lines < 2; i--) {
    const block = blocks[i];
    if (block === undefined || block.kind === "title" || block.kind === "table" || block.kind === "attachment") break;
    keeps.set(i, { keepNext: true, twoLines: true });
    lines += estimatedLines(block);
  }
  return keeps;
}

/** Lines a block takes on the grid, from its width in 字 (a body paragraph starts 2 字 in). */
function estimatedLines(block: ExportBlock): number {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return Math.max(1, Math.ceil((2 + textWidthChars(block.runs.map((r) => r.text).join(""))) / LINE_CHARS));
    case "attachmentNote":
      return block.items.reduce((n, item) => n + Math.max(1, Math.ceil((5 + textWidthChars(item)) / LINE_CHARS)), 0);
    default:
      return 1;
  }
}
