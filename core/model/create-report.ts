import type { BlockNode, DocNode, ParagraphNode, PartNode, TableCellNode, TableNode } from "./doc";
import type { CoreDeps } from "./deps";
import type { Field } from "./field";
import { LayoutProfile } from "./layout-profile";
import { Report, SCHEMA_VERSION } from "./report";
import type { Template } from "./template";
import { isFieldCell, tableFieldCells, type TemplateCell, type TemplateFieldCell, type TemplateTable } from "./template-table";
import { fillTemplateText } from "./template-text";
import { recomputeFormulas } from "../fields/formulas";
import { toChineseNumeral } from "../text/chinese-numeral";

export interface NewReportOptions {
  org: string;
  year: number;
  /** Include optional parts (其他需要报告的情况) and the optional opening paragraph too. */
  includeOptional?: boolean;
}

/**
 * A blank report with the template's statutory parts in order, ready to write into; a part with
 * tables gets them, every numeric cell an empty, unconfirmed field.
 */
export function createReport(template: Template, options: NewReportOptions, deps: CoreDeps): Report {
  const now = deps.now();
  const parts = template.parts.filter((part) => part.required || options.includeOptional === true);
  const opening: ParagraphNode[] = template.opening !== undefined && options.includeOptional === true ? [emptyParagraph()] : [];
  const body: DocNode = {
    type: "doc",
    content: [
      ...opening,
      ...parts.map((part, index): PartNode => {
        const blocks: BlockNode[] = [heading(1, `${toChineseNumeral(index + 1)}、${fillTemplateText(part.heading, options)}`)];
        const tables = template.tables.filter((t) => t.part === part.id);
        blocks.push(...tables.map(tableNode));
        if (part.subsections.length === 0 && tables.length === 0) blocks.push(emptyParagraph());
        part.subsections.forEach((sub, subIndex) => {
          blocks.push(heading(2, `（${toChineseNumeral(subIndex + 1)}）${fillTemplateText(sub.heading, options)}`));
          blocks.push(emptyParagraph());
        });
        return { type: "part", attrs: { partId: part.id }, content: blocks };
      }),
    ],
  };
  const cellFields = tableFieldCells(template.tables.filter((t) => parts.some((p) => p.id === t.part))).map(({ table, cell }) =>
    cellField(table, cell),
  );
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    id: deps.newId(),
    template: { id: template.id, version: template.version },
    meta: {
      title: fillTemplateText(template.title, options),
      recipient: null,
      org: options.org,
      reportYear: options.year,
      date: null,
      docNumber: null,
      profile: LayoutProfile.parse({}),
      ...(template.signatureBlock ? {} : { signatureBlock: false }),
    },
    body,
    fields: recomputeFormulas(Object.fromEntries(cellFields.map((f) => [f.id, f]))),
    lastYear: null,
    workflow: {
      state: "draft",
      revision: 1,
      events: [
        { action: "create", from: null, to: "draft", person: "", role: null, at: now, comment: null, contentHash: null, revision: 1 },
      ],
    },
    createdAt: now,
    updatedAt: now,
  });
}

/** A table cell's field, empty and unconfirmed: a whole number ≥ 0 (or as the cell allows), a sum when derived. */
export function cellField(table: TemplateTable, cell: TemplateFieldCell): Field {
  return {
    id: cell.field,
    label: cell.label,
    kind: cell.kind,
    value: null,
    unit: cell.unit ?? table.unit,
    scale: "none",
    qualifier: "none",
    decimals: 0,
    growthDecimals: 2,
    status: "unconfirmed",
    source: null,
    note: null,
    lastYear: null,
    baseFieldId: null,
    series: [],
    cell: { table: table.id },
    constraints: { min: "0", maxDecimals: cell.maxDecimals },
    ...(cell.sumOf === undefined ? {} : { formula: { sum: cell.sumOf } }),
  };
}

/** The template's grid as a TipTap table: text cells hold their label, field cells a field atom. */
export function tableNode(table: TemplateTable): TableNode {
  return {
    type: "table",
    content: table.rows.map((row) => ({ type: "tableRow", content: row.map(cellNode) })),
  };
}

function cellNode(cell: TemplateCell): TableCellNode {
  const attrs = { colspan: cell.colspan, rowspan: cell.rowspan, colwidth: null };
  if (isFieldCell(cell)) {
    return {
      type: "tableCell",
      attrs,
      content: [
        { type: "paragraph", attrs: { carried: false }, content: [{ type: "reportField", attrs: { fieldId: cell.field, show: "value" } }] },
      ],
    };
  }
  return {
    type: cell.header ? "tableHeader" : "tableCell",
    attrs,
    content: [{ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: cell.text }] }],
  };
}

function heading(level: 1 | 2, text: string): BlockNode {
  return { type: "heading", attrs: { level, carried: false }, content: [{ type: "text", text }] };
}

function emptyParagraph(): ParagraphNode {
  return { type: "paragraph", attrs: { carried: false } };
}
