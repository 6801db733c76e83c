import { rollFieldForward } from "../fields/field-series";
import type { CoreDeps } from "../model/deps";
import type { BlockNode, DocNode, InlineNode } from "../model/doc";
import type { Field } from "../model/field";
import { Report, SCHEMA_VERSION } from "../model/report";
import { parseChineseNumeral } from "../text/chinese-numeral";
import { recomputeFormulas } from "../fields/formulas";
import type { Template } from "../model/template";

/**
 * Next year's report from last year's: year + 1, report-year mentions in the title and headings
 * advanced, 成文日期 cleared, every field's current value emptied (last year's kept beside it) and
 * unconfirmed, every paragraph marked carried, and last year's report kept as the snapshot.
 */
export function rollForward(last: Report, deps: CoreDeps, template?: Template): Report {
  const year = last.meta.reportYear;
  const now = deps.now();
  const rolled: Record<string, Field> = {};
  for (const [id, f] of Object.entries(last.fields)) rolled[id] = rollFieldForward(f, year);
  const fields = template === undefined ? rolled : carryCells(rolled, template);
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    id: deps.newId(),
    template: last.template,
    meta: { ...last.meta, title: advanceYears(last.meta.title, year), reportYear: year + 1, date: null },
    body: carryBody(last.body, year),
    fields,
    lastYear: { meta: last.meta, body: last.body, fields: last.fields },
    workflow: {
      state: "draft",
      revision: 1,
      events: [
        {
          action: "create",
          from: null,
          to: "draft",
          person: "",
          role: null,
          at: now,
          comment: `由${year}年度报告结转`,
          contentHash: null,
          revision: 1,
        },
      ],
    },
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * The template's carried cells (本年“上年结转” from last year's “结转下年度继续办理”) prefilled,
 * unconfirmed, and the totals over them worked out again.
 */
export function carryCells(fields: Readonly<Record<string, Field>>, template: Template): Record<string, Field> {
  const out: Record<string, Field> = { ...fields };
  for (const { to, from } of template.carryForward) {
    const target = out[to];
    const value = out[from]?.lastYear?.value ?? null;
    if (target === undefined || value === null) continue;
    out[to] = { ...target, value, status: "unconfirmed" };
  }
  return recomputeFormulas(out);
}

const DIGITS = "〇一二三四五六七八九";

/**
 * Advances the report year and the year after it (a 下一年度 heading names year + 1) by one, in
 * one pass so 2023 → 2024 and 2024 → 2025 do not collide. Other years, and the end of a period
 * (2022—2024年), stay as written.
 */
export function advanceYears(text: string, reportYear: number): string {
  return text
    .replace(/(?<![\d—–\-～~至到])((?:19|20)\d{2})(?=\s{0,2}年)/gu, (y) =>
      Number(y) === reportYear || Number(y) === reportYear + 1 ? String(Number(y) + 1) : y,
    )
    .replace(/([〇零一二三四五六七八九]{4})(?=\s{0,2}年)/gu, (y) => {
      const n = parseChineseNumeral(y);
      if (n !== reportYear && n !== reportYear + 1) return y;
      return [...String((n ?? 0) + 1)].map((d) => DIGITS[Number(d)] ?? d).join("");
    });
}

function carryBody(body: DocNode, year: number): DocNode {
  const carryBlock = (block: BlockNode): BlockNode => {
    if (block.type === "heading")
      return { ...block, attrs: { ...block.attrs, carried: true }, content: advanceInline(block.content, year) };
    if (block.type === "paragraph") return { ...block, attrs: { ...block.attrs, carried: true } };
    return {
      ...block,
      content: block.content.map((row) => ({
        ...row,
        content: row.content.map((cell) => ({
          ...cell,
          content: cell.content.map((p) => ({ ...p, attrs: { ...p.attrs, carried: true } })),
        })),
      })),
    };
  };
  return {
    type: "doc",
    content: body.content.map((node) =>
      node.type === "part" ? { ...node, content: node.content.map(carryBlock) } : carryBlock(node),
    ) as DocNode["content"],
  };
}

function advanceInline(content: InlineNode[] | undefined, year: number): InlineNode[] | undefined {
  return content?.map((node) => (node.type === "text" ? { ...node, text: advanceYears(node.text, year) } : node));
}
