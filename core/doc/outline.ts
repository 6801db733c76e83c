import type { DocNode, HeadingLevel } from "../model/doc";
import type { PartId } from "../model/part-id";
import { inlineText, type FieldTextResolver } from "./inline-text";

export interface OutlineEntry {
  level: HeadingLevel;
  text: string;
  /** The statutory part the heading belongs to (null for a part the author added). */
  part: PartId | null;
  /** Index of the part in the document body, -1 for headings before the first part. */
  partIndex: number;
}

/** The headings of a body in document order, each with the part it belongs to. */
export function outline(body: DocNode, resolve: FieldTextResolver): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let partIndex = -1;
  for (const node of body.content) {
    if (node.type !== "part") continue;
    partIndex++;
    for (const block of node.content) {
      if (block.type === "heading") {
        entries.push({ level: block.attrs.level, text: inlineText(block.content, resolve).trim(), part: node.attrs.partId, partIndex });
      }
    }
  }
  return entries;
}
