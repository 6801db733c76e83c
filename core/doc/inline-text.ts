import type { InlineNode } from "../model/doc";

/** How a field atom reads in plain text; unknown ids read as the placeholder the editor shows. */
export type FieldTextResolver = (fieldId: string, show: "value" | "yoy") => string | undefined;

export const MISSING_FIELD_TEXT = "【缺数】";

/** The plain text of a run of inline nodes, with field atoms resolved. */
export function inlineText(content: readonly InlineNode[] | undefined, resolve: FieldTextResolver): string {
  if (!content) return "";
  let text = "";
  for (const node of content) {
    if (node.type === "text") text += node.text;
    else if (node.type === "hardBreak") text += "\n";
    else text += resolve(node.attrs.fieldId, node.attrs.show) ?? MISSING_FIELD_TEXT;
  }
  return text;
}
