import type { JSONContent } from "@tiptap/core";
import { Fragment, type Node as PmNode } from "@tiptap/pm/model";

/**
 * The document as JSON, the same as ProseMirror's `doc.toJSON()`, but reusing the JSON of every
 * block that has not changed since the last call: ProseMirror keeps unchanged nodes identical
 * across transactions, so after a keystroke only the edited paragraph (and the part and document
 * around it) is converted again, not all 100 pages. The result must be treated as read-only: its
 * unchanged blocks are shared with earlier results.
 */
export function cachedDocJson(): (doc: PmNode) => JSONContent {
  const blocks = new WeakMap<PmNode, JSONContent>();
  const convert = (node: PmNode, depth: number): JSONContent => {
    const cached = blocks.get(node);
    if (cached !== undefined) return cached;
    let json: JSONContent;
    // The document and its parts are containers; below them a block is converted whole.
    if (depth < 2 && node.childCount > 0) {
      const content: JSONContent[] = [];
      node.forEach((child) => content.push(convert(child, depth + 1)));
      json = { ...(node.copy(Fragment.empty).toJSON() as JSONContent), content };
    } else {
      json = node.toJSON() as JSONContent;
    }
    blocks.set(node, json);
    return json;
  };
  return (doc) => convert(doc, 0);
}
