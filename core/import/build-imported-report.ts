import { NianbaoError } from "../errors/nianbao-error";
import type { Field } from "../model/field";
import type { CoreDeps } from "../model/deps";
import { LayoutProfile } from "../model/layout-profile";
import { Report, SCHEMA_VERSION } from "../model/report";
import type { Template } from "../model/template";
import type { RecognizedReport } from "./recognize-report";
import { cellField } from "../model/create-report";
import { tableFieldCells } from "../model/template-table";
import { recomputeFormulas } from "../fields/formulas";

export interface BuildImportedReportOptions {
  /** The report year, overriding the recognised one (needed when the file names none). */
  year?: number;
  /** The 发文机关, overriding the recognised one. */
  org?: string;
}

/** Placeholder for a 发文机关 recognition could not find; the clerk fills it in the report info. */
export const UNKNOWN_ORG = "（待填写发文机关）";

/**
 * A report holding the imported document as it is: same year, every recognised number a field
 * atom whose value is current and confirmed (it is what the document says).
 */
export function buildImportedReport(
  recognized: RecognizedReport,
  template: Template,
  deps: CoreDeps,
  options: BuildImportedReportOptions = {},
): Report {
  const reportYear = options.year ?? recognized.reportYear;
  if (reportYear === null) {
    throw new NianbaoError(
      "invalid_input",
      "无法从文件中识别报告年度（标题和正文中没有“2023年度”之类的年份）。请用 --year 指定报告年度。",
      "could not recognise the report year (no year such as 2023年度 in the title or text); pass --year",
    );
  }
  const now = deps.now();
  const fields: Record<string, Field> = {};
  for (const f of recognized.fields) {
    fields[f.id] = {
      id: f.id,
      label: f.label,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      scale: f.scale,
      qualifier: f.qualifier,
      decimals: f.decimals,
      growthDecimals: 2,
      status: "confirmed",
      source: null,
      note: null,
      lastYear: null,
      baseFieldId: f.baseFieldId,
      series: [],
      sourceText: f.text,
      written: f.written,
    };
  }
  Object.assign(fields, tableFields(recognized, template));
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    id: deps.newId(),
    template: { id: template.id, version: template.version },
    meta: {
      title: recognized.title ?? "",
      recipient: recognized.recipient,
      org: options.org ?? recognized.org ?? UNKNOWN_ORG,
      reportYear,
      date: recognized.date,
      docNumber: recognized.docNumber,
      profile: LayoutProfile.parse({}),
    },
    body: recognized.body,
    fields,
    lastYear: null,
    workflow: {
      state: "draft",
      revision: 1,
      events: [
        { action: "create", from: null, to: "draft", person: "", role: null, at: now, comment: "导入", contentHash: null, revision: 1 },
      ],
    },
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * The fields of the template tables the body holds, with the values as published: a report's own
 * totals are kept as read, so `check` can say where they disagree with their sums; a total left
 * blank is worked out. Printed values are confirmed (the document says them), blanks are not.
 */
function tableFields(recognized: RecognizedReport, template: Template): Record<string, Field> {
  const inBody = new Set<string>();
  for (const node of recognized.body.content) {
    const blocks = node.type === "part" ? node.content : [node];
    for (const block of blocks) {
      if (block.type !== "table") continue;
      for (const row of block.content)
        for (const cell of row.content)
          for (const p of cell.content) for (const n of p.content ?? []) if (n.type === "reportField") inBody.add(n.attrs.fieldId);
    }
  }
  const read: Record<string, Field> = {};
  for (const { table, cell } of tableFieldCells(template.tables)) {
    if (!inBody.has(cell.field)) continue;
    const value = recognized.cells[cell.field] ?? null;
    read[cell.field] = { ...cellField(table, cell), value, status: value === null ? "unconfirmed" : "confirmed" };
  }
  const computed = recomputeFormulas(read);
  for (const [id, field] of Object.entries(read)) if (field.value !== null) computed[id] = field;
  return computed;
}
