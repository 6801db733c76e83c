import type { FieldTextResolver } from "../doc/inline-text";
import { inlineText } from "../doc/inline-text";
import { fieldTextResolver } from "../fields/field-text";
import type { BlockNode, DocNode, InlineNode, PartNode } from "../model/doc";
import type { Report } from "../model/report";

/** Where this year's number goes in the sentence a department is shown. */
export const ANSWER_MARK = "【本年数值】";

const MAX_SENTENCE = 300;

/**
 * The sentence each field appears in, as the department should read it: this year's number
 * replaced by ANSWER_MARK, the other numbers as they stand. A field not in the body (a table
 * cell) has no sentence and is left out of the map.
 */
export function fieldSentences(report: Report): Map<string, string> {
  const base = fieldTextResolver(report, report.meta.profile);
  const out = new Map<string, string>();
  const visit = (content: readonly InlineNode[] | undefined): void => {
    for (const node of content ?? []) {
      if (node.type !== "reportField" || node.attrs.show !== "value" || out.has(node.attrs.fieldId)) continue;
      const id = node.attrs.fieldId;
      // Other numbers not filled in yet read as blanks, not as the editor's 【缺数】 warning.
      const resolve: FieldTextResolver = (fieldId, show) =>
        fieldId === id && show === "value" ? ANSWER_MARK : (base(fieldId, show) ?? (show === "value" ? "（待填）" : ""));
      out.set(id, sentenceAround(inlineText(content, resolve)));
    }
  };
  const block = (node: BlockNode | PartNode): void => {
    if (node.type === "paragraph" || node.type === "heading") visit(node.content);
    else if (node.type === "table") {
      for (const row of node.content) for (const cell of row.content) for (const p of cell.content) visit(p.content);
    } else for (const inner of node.content) block(inner);
  };
  for (const node of (report.body as DocNode).content) block(node);
  return out;
}

/** The sentence of `text` holding ANSWER_MARK, cut at 。；！？ and bounded for a spreadsheet cell. */
function sentenceAround(text: string): string {
  const at = text.indexOf(ANSWER_MARK);
  const before = text.slice(0, at);
  const after = text.slice(at + ANSWER_MARK.length);
  const start = Math.max(...["。", "；", "！", "？", "\n"].map((p) => before.lastIndexOf(p))) + 1;
  const ends = ["。", "；", "！", "？", "\n"].map((p) => after.indexOf(p)).filter((i) => i >= 0);
  const end = ends.length === 0 ? after.length : Math.min(...ends) + 1;
  const sentence = `${before.slice(start)}${ANSWER_MARK}${after.slice(0, end)}`.trim();
  return sentence.length <= MAX_SENTENCE ? sentence : `${sentence.slice(0, MAX_SENTENCE - 1)}…`;
}
