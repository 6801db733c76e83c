import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildExportModel } from "../../../core/export-model/build-export-model";
import { createReport } from "../../../core/model/create-report";
import type { BlockNode, DocNode, TableNode } from "../../../core/model/doc";
import { Report } from "../../../core/model/report";
import { writeDocx } from "../../../host/export/write-docx";
import { writeRedlineDocx } from "../../../host/export/write-redline-docx";
import { fixedDeps } from "../../support/deps";
import { fazhiTemplate } from "../../support/template";
import { documentXml, plainParagraphs, resolvedParagraphs } from "../../support/tracked-changes";
import { tempDir } from "./edited-fixture";

const template = fazhiTemplate();

function table(rows: string[][]): TableNode {
  return {
    type: "table",
    content: rows.map((row, r) => ({
      type: "tableRow",
      content: row.map((text) => ({ type: r === 0 ? "tableHeader" : "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text }] }] })),
    })),
  };
}

function body(base: DocNode, blocks: Partial<Record<string, BlockNode[]>>): DocNode {
  return { ...base, content: base.content.map((n) => (n.type === "part" && n.attrs.partId !== null && blocks[n.attrs.partId] ? { ...n, content: [n.content[0] as BlockNode, ...(blocks[n.attrs.partId] ?? [])] } : n)) };
}

const para = (text: string): BlockNode => ({ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text }] });

describe("redline of tables", () => {
  it("diffs a table cell by cell when its shape is kept, and deletes or inserts a table whole", async () => {
    const base = createReport(template, { org: "吴中区木渎镇人民政府", year: 2024 }, fixedDeps());
    const lastBody = body(base.body, {
      measures: [para("全年主要执法数据如下。"), table([["指标", "数量"], ["行政处罚案件", "126件"]]), table([["项目", "经费"], ["普法宣传", "20万元"]])],
      shortcomings: [para("法治宣传的针对性还有待提高。")],
    });
    const thisBody = body(base.body, {
      measures: [para("全年主要执法数据如下。"), table([["指标", "数量"], ["行政处罚案件", "148件"]])],
      shortcomings: [para("法治宣传的针对性还有待提高。"), table([["不足", "原因"], ["执法人员不足", "编制未落实"]])],
    });
    const report = Report.parse({ ...base, body: thisBody, lastYear: { meta: { ...base.meta, title: "", reportYear: 2023 }, body: lastBody, fields: {} } });
    const last = Report.parse({ ...report, meta: { ...base.meta, title: "", reportYear: 2023 }, body: lastBody, lastYear: null });

    const dir = tempDir();
    writeFileSync(join(dir, "red.docx"), await writeRedlineDocx(report, template, report.meta.profile));
    writeFileSync(join(dir, "now.docx"), await writeDocx(buildExportModel(report, template)));
    writeFileSync(join(dir, "last.docx"), await writeDocx(buildExportModel(last, template)));
    const red = documentXml(join(dir, "red.docx"));
    expect(resolvedParagraphs(red, "accept")).toEqual(plainParagraphs(documentXml(join(dir, "now.docx"))));
    expect(resolvedParagraphs(red, "reject")).toEqual(plainParagraphs(documentXml(join(dir, "last.docx"))));
    // The kept table changes one number; the removed and the added table go row by row.
    expect(red).toMatch(/<w:del [^>]*><w:r>(?:(?!<\/w:r>).)*<w:delText[^>]*>126<\/w:delText>/);
    expect(red.match(/<w:trPr><w:del /g)).toHaveLength(2);
    expect(red.match(/<w:trPr><w:ins /g)).toHaveLength(2);
  });
});
