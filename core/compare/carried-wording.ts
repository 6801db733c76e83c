import type { BlockNode, DocNode, InlineNode, PartNode } from "../model/doc";
import { FIELD_TOKEN } from "./collect-paragraphs";

/**
 * A block's wording as 沿用上年 judges it: field atoms are one opaque character (a number updated
 * for this year is not a rewrite) and whitespace does not count.
 */
export function wording(content: readonly InlineNode[] | undefined): string {
  let text = "";
  for (const node of content ?? []) {
    if (node.type === "text") text += node.text;
    else if (node.type === "reportField") text += FIELD_TOKEN;
  }
  return normalWording(text);
}

export function normalWording(text: string): string {
  return text.replace(/\s+/gu, "");
}

/** The wording of every paragraph and heading of last year's body, table cells included. */
export function lastYearWording(body: DocNode | null | undefined): Set<string> {
  const out = new Set<string>();
  const addBlock = (block: BlockNode | PartNode): void => {
    if (block.type === "paragraph" || block.type === "heading") out.add(wording(block.content));
    else if (block.type === "table")
      for (const row of block.content) for (const cell of row.content) for (const p of cell.content) out.add(wording(p.content));
    else for (const inner of block.content) addBlock(inner);
  };
  for (const node of body?.content ?? []) addBlock(node);
  return out;
}
