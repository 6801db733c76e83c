import { mergeAttributes, Node } from "@tiptap/core";
import { MISSING_FIELD_TEXT } from "../doc/inline-text";

export interface ReportFieldOptions {
  /** Formats a field for HTML and plain text; injected so the node never imports a store. */
  resolve: (fieldId: string, show: "value" | "yoy") => string | undefined;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    reportField: { insertReportField: (fieldId: string, show?: "value" | "yoy") => ReturnType };
  }
}

/** An inline atom that references a field by id; the number itself lives in the report's fields. */
export const ReportField = Node.create<ReportFieldOptions>({
  name: "reportField",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  marks: "",
  addOptions() {
    return { resolve: () => undefined };
  },
  addAttributes() {
    return {
      fieldId: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-field-id"),
        renderHTML: (attrs) => ({ "data-field-id": attrs["fieldId"] as string }),
      },
      show: {
        default: "value",
        parseHTML: (el) => (el.getAttribute("data-show") === "yoy" ? "yoy" : "value"),
        renderHTML: (attrs) => (attrs["show"] === "yoy" ? { "data-show": "yoy" } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-type="report-field"]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const text = this.options.resolve(String(node.attrs["fieldId"]), node.attrs["show"] === "yoy" ? "yoy" : "value");
    return ["span", mergeAttributes({ "data-type": "report-field" }, HTMLAttributes), text ?? MISSING_FIELD_TEXT];
  },
  renderText({ node }) {
    return this.options.resolve(String(node.attrs["fieldId"]), node.attrs["show"] === "yoy" ? "yoy" : "value") ?? MISSING_FIELD_TEXT;
  },
  addCommands() {
    return {
      insertReportField:
        (fieldId, show = "value") =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { fieldId, show } }),
    };
  },
});
