import type { DocNode } from "../model/doc";
import type { Field } from "../model/field";

export interface FieldGroup {
  /** The part's heading, or null for fields that no chip shows. */
  title: string | null;
  fields: Field[];
}

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string };

/**
 * Every field in the order a reader meets its first chip, grouped by the statutory part it is
 * in; fields that no chip shows come last, in their own group.
 */
export function fieldsInDocumentOrder(body: DocNode, fields: Readonly<Record<string, Field>>): FieldGroup[] {
  const groups: FieldGroup[] = [];
  const seen = new Set<string>();
  const visit = (node: Json, group: FieldGroup) => {
    if (node.type === "reportField") {
      const id = String(node.attrs?.["fieldId"] ?? "");
      const field = fields[id];
      if (field !== undefined && !seen.has(id)) {
        seen.add(id);
        group.fields.push(field);
      }
      return;
    }
    for (const child of node.content ?? []) visit(child, group);
  };
  const opening: FieldGroup = { title: "正文开头", fields: [] };
  groups.push(opening);
  for (const node of (body as Json).content ?? []) {
    if (node.type !== "part") {
      visit(node, opening);
      continue;
    }
    const heading = node.content?.find((c) => c.type === "heading");
    const group: FieldGroup = { title: heading === undefined ? "（未命名部分）" : textOf(heading), fields: [] };
    groups.push(group);
    visit(node, group);
  }
  const unplaced = Object.values(fields).filter((f) => !seen.has(f.id));
  groups.push({ title: null, fields: unplaced });
  return groups.filter((g) => g.fields.length > 0);
}

function textOf(node: Json): string {
  return node.text ?? (node.content ?? []).map(textOf).join("");
}
