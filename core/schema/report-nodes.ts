import { mergeAttributes, Mark, Node } from "@tiptap/core";
import Bold from "@tiptap/extension-bold";
import Document from "@tiptap/extension-document";
import HardBreak from "@tiptap/extension-hard-break";
import Heading from "@tiptap/extension-heading";
import Paragraph from "@tiptap/extension-paragraph";
import { TableKit } from "@tiptap/extension-table";
import Text from "@tiptap/extension-text";

/** Opening paragraphs, then the statutory parts (the shape core/model/doc.ts validates). */
export const ReportDocument = Document.extend({ content: "(paragraph | table)* part*" });

const carriedAttribute = {
  carried: {
    default: false,
    // The text typed after Enter is this year's, not last year's.
    keepOnSplit: false,
    parseHTML: (el: HTMLElement) => el.getAttribute("data-carried") === "true",
    renderHTML: (attrs: Record<string, unknown>) => (attrs["carried"] === true ? { "data-carried": "true" } : {}),
  },
};

export const ReportParagraph = Paragraph.extend({
  addAttributes() {
    return { ...this.parent?.(), ...carriedAttribute };
  },
});

export const ReportHeading = Heading.extend({
  addAttributes() {
    return { ...this.parent?.(), ...carriedAttribute };
  },
}).configure({ levels: [1, 2, 3, 4] });

/** One statutory part: a level-1 heading followed by its content. */
export const Part = Node.create({
  name: "part",
  group: "part",
  // Paragraph first: it is the default block, so Enter after a heading gives 正文 as in Word.
  content: "heading (paragraph | heading | table)*",
  defining: true,
  isolating: true,
  addAttributes() {
    return {
      partId: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-part"),
        renderHTML: (attrs) => (attrs["partId"] ? { "data-part": attrs["partId"] as string } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: "section[data-type='part']" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["section", mergeAttributes({ "data-type": "part" }, HTMLAttributes), 0];
  },
});

/** The leading "（一）加强组织领导。" of a paragraph that continues with body text. */
export const RunInHeading = Mark.create({
  name: "runInHeading",
  excludes: "bold",
  addAttributes() {
    return {
      level: {
        default: 2,
        parseHTML: (el) => Number(el.getAttribute("data-level") ?? "2"),
        renderHTML: (attrs) => ({ "data-level": String(attrs["level"]) }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-type='run-in-heading']" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ "data-type": "run-in-heading" }, HTMLAttributes), 0];
  },
});

export { Bold, HardBreak, TableKit, Text };
