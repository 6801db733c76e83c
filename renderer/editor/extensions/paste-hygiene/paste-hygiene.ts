import { Extension } from "@tiptap/core";
import { Fragment, Slice, type Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export const pasteHygieneKey = new PluginKey("pasteHygiene");

/**
 * Pasting from Word, WPS or a web page keeps text, paragraphs and numbers and nothing of the
 * source's look: fonts, colours and sizes have no mark in the schema and fall away when parsed;
 * bold survives only in headings (body text is plain 仿宋 in a 公文); and pasted paragraphs are
 * new text, never 沿用上年.
 */
export const PasteHygiene = Extension.create({
  name: "pasteHygiene",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: pasteHygieneKey,
        props: {
          transformPastedHTML: (html) => cleanPastedHtml(html),
          transformPasted: (slice) => new Slice(cleanFragment(slice.content, false), slice.openStart, slice.openEnd),
        },
      }),
    ];
  },
});

function cleanFragment(fragment: Fragment, inHeading: boolean): Fragment {
  const children: PmNode[] = [];
  fragment.forEach((node) => children.push(cleanNode(node, inHeading)));
  return Fragment.from(children);
}

function cleanNode(node: PmNode, inHeading: boolean): PmNode {
  if (node.isText) return inHeading ? node : node.mark(node.marks.filter((m) => m.type.name !== "bold"));
  const heading = node.type.name === "heading";
  const attrs = "carried" in node.attrs ? { ...node.attrs, carried: false } : node.attrs;
  return node.type.create(attrs, cleanFragment(node.content, inHeading || heading), node.marks);
}

/**
 * Word's list numbers ("1." in a span marked mso-list:Ignore, padded with non-breaking spaces)
 * are kept as text with one ordinary space's worth of padding removed; numbers a browser draws for
 * <ol> items are written out, since they are part of the text a clerk copied.
 */
export function cleanPastedHtml(html: string): string {
  if (!/<(ol|span|p|b|strong)\b/iu.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const list of Array.from(doc.querySelectorAll("ol"))) {
    const start = Number(list.getAttribute("start") ?? "1");
    Array.from(list.children).forEach((item, k) => {
      if (item.tagName === "LI") item.insertBefore(doc.createTextNode(`${Number.isFinite(start) ? start + k : k + 1}. `), item.firstChild);
    });
  }
  for (const ignore of Array.from(doc.querySelectorAll("span"))) {
    const style = ignore.getAttribute("style") ?? "";
    if (/mso-list\s*:\s*ignore/iu.test(style)) ignore.textContent = (ignore.textContent ?? "").replace(/[\u00a0\s]+$/u, "");
  }
  return doc.body.innerHTML;
}
