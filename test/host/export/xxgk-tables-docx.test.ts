import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { applyEdits } from "../../../core/edits/apply-edit";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { createReport } from "../../../core/model/create-report";
import { exportReport } from "../../../host/export/export-report";
import { fixedDeps } from "../../support/deps";
import { libreOfficeConvert } from "../../support/pdf-readers";
import { decodeXmlEntities } from "../../support/tracked-changes";
import { xxgkTemplate } from "../../support/template";

/*
 * The three tables of the 政府信息公开工作年度报告 as LibreOffice reads our .docx: LibreOffice
 * re-saves it, and the checks read LibreOffice's file, not ours.
 */

interface ReadTable {
  texts: string[];
  /** gridSpan of every cell that starts a span of columns, in order (a vertical merge's continuations left out). */
  spans: number[];
  /** Cells that start a vertical merge. */
  mergeStarts: number;
  headerRows: number;
  centredNumbers: string[];
}

function readTables(docx: string): ReadTable[] {
  const xml = strFromU8(unzipSync(readFileSync(docx))["word/document.xml"] ?? new Uint8Array());
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => {
    const tbl = m[1] ?? "";
    const cells = [...tbl.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1] ?? "");
    const textOf = (cell: string) =>
      [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXmlEntities(t[1] ?? "")).join("");
    return {
      texts: cells.map(textOf).filter((t) => t !== ""),
      spans: cells
        .filter((c) => !c.includes('<w:vMerge w:val="continue"/>'))
        .map((c) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c)?.[1] ?? "1"))
        .filter((n) => n > 1),
      mergeStarts: [...tbl.matchAll(/<w:vMerge w:val="restart"\/>/g)].length,
      headerRows: [...tbl.matchAll(/<w:tblHeader(?: w:val="(?:true|1|on)")?\/>/g)].length,
      centredNumbers: cells.filter((c) => /^\d+(\.\d+)?$/.test(textOf(c)) && /<w:jc w:val="center"\/>/.test(c)).map(textOf),
    };
  });
}

describe("the 政府信息公开 tables in the .docx, as LibreOffice reads them", () => {
  let tables: ReadTable[] = [];

  beforeAll(async () => {
    const template = xxgkTemplate();
    const created = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
    // Every input 0, a few figures, so 0 must print as 0 and totals as their sums.
    const zeros = Object.values(created.fields)
      .filter((f) => f.formula === undefined)
      .map((f): ReportEdit => ({ type: "changeField", fieldId: f.id, input: "0" }));
    const values: ReportEdit[] = [
      { type: "changeField", fieldId: "t3.new.natural", input: "12" },
      { type: "changeField", fieldId: "t3.open.natural", input: "9" },
      { type: "changeField", fieldId: "t3.carry_out.natural", input: "3" },
      { type: "changeField", fieldId: "t2.fee.amount_wan", input: "1.25" },
    ];
    const report = applyEdits(created, [...zeros, ...values], { now: fixedDeps().now, template });
    const dir = mkdtempSync(join(tmpdir(), "nianbao-xxgk-docx-"));
    const ours = join(dir, "ours.docx");
    await exportReport({ report, template, docxPath: ours });
    const outDir = join(dir, "lo");
    libreOfficeConvert([ours], outDir, "docx:MS Word 2007 XML");
    tables = readTables(join(outDir, "ours.docx"));
  }, 180_000);

  it("keeps three tables with the merged header cells of the format", () => {
    expect(tables).toHaveLength(3);
    const [t2, t3, t4] = tables as [ReadTable, ReadTable, ReadTable];
    // 表二: four captions over 4 columns, 本年处理决定数量 / 收费金额 and their cells over 3.
    expect(t2.spans.filter((s) => s === 4)).toHaveLength(4);
    expect(t2.spans.filter((s) => s === 3)).toHaveLength(3 + 4);
    // 表三: the corner over 3 columns and 3 rows, 申请人情况 over 7, 法人或其他组织 over 5, row labels over 3 or 2.
    expect(t3.spans.slice(0, 3)).toEqual([3, 7, 5]);
    expect(t3.texts.slice(0, 9)).toEqual([
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "申请人情况",
      "自然人",
      "法人或其他组织",
      "总计",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
    ]);
    // corner, 自然人, 总计, 三、本年度办理结果, （三）–（六）
    expect(t3.mergeStarts).toBe(1 + 2 + 1 + 4);
    expect(t3.texts).toContain("三、本年度办理结果");
    expect(t3.texts).toContain("3.危及“三安全一稳定”");
    // 表四: 行政复议 over 5, 行政诉讼 over 10, its two groups over 5; five headers span two rows.
    expect(t4.spans).toEqual([5, 10, 5, 5]);
    expect(t4.mergeStarts).toBe(5);
    expect(t4.texts.slice(0, 9)).toEqual([
      "行政复议",
      "行政诉讼",
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
      "未经复议直接起诉",
      "复议后起诉",
    ]);
  });

  it("centres the numbers, writes 0 as 0 and repeats the header rows", () => {
    const [t2, t3, t4] = tables as [ReadTable, ReadTable, ReadTable];
    expect(t3.centredNumbers).toHaveLength(25 * 7);
    expect(t3.centredNumbers.slice(0, 7)).toEqual(["12", "0", "0", "0", "0", "0", "12"]);
    expect(t4.centredNumbers).toEqual(Array.from({ length: 15 }, () => "0"));
    expect(t2.centredNumbers).toEqual(["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.25"]);
    expect(t3.headerRows).toBe(3);
    expect(t4.headerRows).toBe(3);
    expect(t2.headerRows).toBe(0);
  });
});
