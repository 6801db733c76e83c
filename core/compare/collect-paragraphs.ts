import { inlineText, type FieldTextResolver } from "../doc/inline-text";
import type { DocNode } from "../model/doc";
import type { PartId } from "../model/part-id";

/** Where a paragraph sits: the opening text before the parts, a statutory part, or an added part. */
export type PartKey = PartId | "opening" | "custom";

export interface BodyParagraph {
  part: PartKey;
  /** Index path into the body JSON (doc.content[i].content[j]), for jumping to the paragraph. */
  path: number[];
  text: string;
}

/**
 * A field atom compares as one opaque character: a number updated for the new year is not a
 * change of wording, and wording is what 内容雷同 is about.
 */
export const FIELD_TOKEN = "\uE000";
export const fieldAsToken: FieldTextResolver = () => FIELD_TOKEN;

/** The non-empty body paragraphs (not headings, not table cells) in document order. */
export function collectParagraphs(body: DocNode, resolve: FieldTextResolver = fieldAsToken): BodyParagraph[] {
  const out: BodyParagraph[] = [];
  body.content.forEach((node, i) => {
    if (node.type === "paragraph") {
      const text = inlineText(node.content, resolve).trim();
      if (text !== "") out.push({ part: "opening", path: [i], text });
      return;
    }
    if (node.type !== "part") return;
    const part: PartKey = node.attrs.partId ?? "custom";
    node.content.forEach((block, j) => {
      if (block.type !== "paragraph") return;
      const text = inlineText(block.content, resolve).trim();
      if (text !== "") out.push({ part, path: [i, j], text });
    });
  });
  return out;
}
