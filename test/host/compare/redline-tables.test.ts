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
      content: row.map((text) => ({
        type: r === 0 ? "tableHeader" : "tableCell",
        attrs: { colspan: 1, rowspan: 1, colwidth: null },
        content: [{ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text }] }],
      })),
    })),
  };
}

function body(base: DocNode, blocks: Partial<Record<string, BlockNode[]>>): DocNode {
  return {
    ...base,
    content: base.content.map((n) =>
      n.type === "part" && n.attrs.partId !== null && blocks[n.attrs.partId]
        ? { ...n, content: [n.content[0] as BlockNode, ...(blocks[n.attrs.partId] ?? [])] }
        : n,
    ),
  };
}

const para = (text: string): BlockNode => ({ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text }] });

async function redlineVersusPlain(report: Report, last: Report): Promise<{ red: string; now: string[]; before: string[] }> {
  const dir = tempDir();
  writeFileSync(join(dir, "red.docx"), await writeRedlineDocx(report, template, report.meta.profile));
  writeFileSync(join(dir, "now.docx"), await writeDocx(buildExportModel(report, template)));
  writeFileSync(join(dir, "last.docx"), await writeDocx(buildExportModel(last, template)));
  return {
    red: documentXml(join(dir, "red.docx")),
    now: plainParagraphs(documentXml(join(dir, "now.docx"))),
    before: plainParagraphs(documentXml(join(dir, "last.docx"))),
  };
}

describe("redline of attachments and the closing", () => {
  it("lines up attachments section by section; a dropped 附注 and attachment are deleted, a new one inserted", async () => {
    const base = createReport(template, { org: "吴中区木渎镇人民政府", year: 2024 }, fixedDeps());
    const doc = (...texts: string[]): DocNode => ({ type: "doc", content: texts.map(para) as DocNode["content"] });
    const lastMeta = {
      ...base.meta,
      title: "",
      reportYear: 2023,
      note: "（此件公开发布）",
      attachments: [
        { title: "2023年度法治建设工作台账", body: doc("一、学法记录12次。", "二、合法性审查合同48份。") },
        { title: "普法经费明细", body: doc("普法宣传经费20万元。") },
      ],
    };
    const meta = {
      ...base.meta,
      date: "2025-01-20",
      attachments: [{ title: "2024年度法治建设工作台账", body: doc("一、学法记录15次。", "二、合法性审查合同48份。") }],
    };
    const lastBody = body(base.body, { measures: [para("全年主要执法数据如下。")] });
    const report = Report.parse({ ...base, meta, body: lastBody, lastYear: { meta: lastMeta, body: lastBody, fields: {} } });
    const last = Report.parse({ ...report, meta: lastMeta, lastYear: null });
    const { red, now, before } = await redlineVersusPlain(report, last);
    expect(resolvedParagraphs(red, "accept")).toEqual(now);
    expect(resolvedParagraphs(red, "reject")).toEqual(before);
    expect(now).toContain("2025年1月20日");
    expect(before).toContain("普法宣传经费20万元。");
    // The attachment still starts a new page once every change is accepted: no section break sits
    // in a deleted paragraph mark.
    for (const m of red.matchAll(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:sectPr/g)) expect(m[0]).not.toMatch(/<w:rPr>(?:(?!<\/w:rPr>).)*<w:del /);
    expect(red.match(/<w:sectPr/g)).toHaveLength(2);
  });
});

describe("redline of tables", () => {
  it("diffs a table cell by cell when its shape is kept, and deletes or inserts a table whole", async () => {
    const base = createReport(template, { org: "吴中区木渎镇人民政府", year: 2024 }, fixedDeps());
    const lastBody = body(base.body, {
      measures: [
        para("全年主要执法数据如下。"),
        table([
          ["指标", "数量"],
          ["行政处罚案件", "126件"],
        ]),
        table([
          ["项目", "经费"],
          ["普法宣传", "20万元"],
        ]),
      ],
      shortcomings: [para("法治宣传的针对性还有待提高。")],
    });
    const thisBody = body(base.body, {
      measures: [
        para("全年主要执法数据如下。"),
        table([
          ["指标", "数量"],
          ["行政处罚案件", "148件"],
        ]),
      ],
      shortcomings: [
        para("法治宣传的针对性还有待提高。"),
        table([
          ["不足", "原因"],
          ["执法人员不足", "编制未落实"],
        ]),
      ],
    });
    const report = Report.parse({
      ...base,
      body: thisBody,
      lastYear: { meta: { ...base.meta, title: "", reportYear: 2023 }, body: lastBody, fields: {} },
    });
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
    expect(red.match(/<w:trPr>(?:<w:cantSplit\/>)?<w:del /g)).toHaveLength(2);
    expect(red.match(/<w:trPr>(?:<w:cantSplit\/>)?<w:ins /g)).toHaveLength(2);
  });
});
