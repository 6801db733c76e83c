import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import { applyEdits } from "../../../core/edits/apply-edit";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { createReport } from "../../../core/model/create-report";
import type { Report } from "../../../core/model/report";
import { exportReport } from "../../../host/export/export-report";
import { chooseImportTemplate } from "../../../host/import/choose-import-template";
import { importReportFile } from "../../../host/import/import-report-file";
import { saveReportFile } from "../../../host/storage/report-file";
import { fixedDeps } from "../../support/deps";
import { XXGK_TEMPLATE_ID, xxgkTemplate } from "../../support/template";
import { makeXxgkDocx, table2, table3, table4, type HandBlock } from "./support/make-xxgk-docx";

const template = xxgkTemplate();
const deps = fixedDeps();
const APPLICANTS = ["natural", "commercial", "research", "nonprofit", "legal", "other_org"];
const dir = (): string => mkdtempSync(join(tmpdir(), "nianbao-xxgk-roll-"));

const set = (values: Record<string, string>): ReportEdit[] =>
  Object.entries(values).map(([fieldId, input]): ReportEdit => ({ type: "changeField", fieldId, input }));

/** A filled 2023 report, every input 0 but a few figures: 12 + 2 received, 8 + 1 answered, 4 + 1 carried on. */
function filled2023(): Report {
  const created = createReport(template, { org: "木渎镇人民政府", year: 2023 }, deps);
  const zeros = Object.fromEntries(
    Object.values(created.fields)
      .filter((f) => f.formula === undefined)
      .map((f) => [f.id, "0"]),
  );
  return applyEdits(
    created,
    set({
      ...zeros,
      "t3.new.natural": "12",
      "t3.new.commercial": "2",
      "t3.open.natural": "8",
      "t3.open.commercial": "1",
      "t3.carry_out.natural": "4",
      "t3.carry_out.commercial": "1",
      "t2.nds.made": "3",
      "t2.nds.repealed": "1",
      "t2.nds.valid": "20",
      "t2.pen.decisions": "57",
      "t2.fee.amount_wan": "1.25",
      "t4.review.maintain": "1",
    }),
    { now: deps.now, template },
  );
}

async function rollForward(path: string): Promise<{ report: Report; notices: string[] }> {
  const chosen = await chooseImportTemplate(path, undefined);
  expect(chosen.id).toBe(XXGK_TEMPLATE_ID);
  const result = await importReportFile(path, { template: chosen, deps, rollForward: true });
  return { report: result.report, notices: result.notices.map((n) => n.zh) };
}

function expectCarriedOver(report: Report, carried: Record<string, string>): void {
  expect(report.meta.reportYear).toBe(2024);
  expect(report.template.id).toBe(XXGK_TEMPLATE_ID);
  for (const c of APPLICANTS) {
    const field = report.fields[`t3.carry_in.${c}`];
    expect(field?.value, c).toBe(carried[c] ?? "0");
    expect(field?.status).toBe("unconfirmed");
  }
  const total = Object.values(carried).reduce((n, v) => n + Number(v), 0);
  expect(report.fields["t3.carry_in.total"]?.value).toBe(String(total));
  expect(report.fields["t3.carry_out.total"]?.lastYear?.value).toBe(String(total));
  // This year's other cells wait for the clerk.
  expect(report.fields["t3.new.natural"]?.value).toBeNull();
}

describe("rolling forward last year's 政府信息公开工作年度报告 with its tables", () => {
  it("reads the three tables of a report Nianbao exported to .docx and prefills 上年结转 from 结转下年度", async () => {
    const d = dir();
    const docx = join(d, "2023.docx");
    await exportReport({ report: filled2023(), template, docxPath: docx });
    const { report, notices } = await rollForward(docx);
    expectCarriedOver(report, { natural: "4", commercial: "1" });
    expect(report.fields["t3.new.natural"]?.lastYear?.value).toBe("12");
    expect(report.fields["t3.new.total"]?.lastYear?.value).toBe("14");
    expect(report.fields["t2.nds.valid"]?.lastYear?.value).toBe("20");
    expect(report.fields["t2.pen.decisions"]?.lastYear?.value).toBe("57");
    expect(report.fields["t2.fee.amount_wan"]?.lastYear?.value).toBe("1.25");
    expect(report.fields["t4.review.total"]?.lastYear?.value).toBe("1");
    expect(notices.some((n) => n.includes("已按上年报告预填 6 个单元格"))).toBe(true);
    expect(notices.filter((n) => n.includes("未读取") || n.includes("未找到"))).toEqual([]);
    // The tables are the template's own grids with cell fields, once each.
    const atoms = JSON.stringify(report.body).match(/"fieldId":"t\d\.[a-z_]+\.[a-z_]+"/g) ?? [];
    expect(atoms).toHaveLength(200);
    expect(new Set(atoms).size).toBe(200);

    // R6 uses last year's 现行有效 (20 + 2 − 0 = 22, not 25); R4 flags a changed 上年结转.
    const edited = applyEdits(
      report,
      set({ "t2.nds.made": "2", "t2.nds.repealed": "0", "t2.nds.valid": "25", "t3.carry_in.natural": "3" }),
      {
        now: deps.now,
        template,
      },
    );
    const findings = checkReport(edited, template, { today: "2025-01-10" });
    expect(findings.find((f) => f.rule === "R6" && f.fields?.includes("t2.nds.valid"))?.message).toContain("相差3");
    const r4 = findings.find((f) => f.rule === "R4" && f.fields?.includes("t3.carry_in.natural"));
    expect(r4?.message).toContain("本年上年结转=3，上年结转下年度=4");
  });

  it("reads a Word report drawn by hand with merged cells and half-width labels, keeping its wrong total as printed", async () => {
    const blocks: HandBlock[] = [
      { text: "本报告依据《中华人民共和国政府信息公开条例》编制。" },
      { heading: "一、总体情况" },
      { text: "2023年，本镇共收到政府信息公开申请15件，结转下年度继续办理3件。" },
      { heading: "二、主动公开政府信息情况" },
      { table: table2({ nds: [2, 0, 11], lic: 5, pen: 40, coe: 1, fee: "0" }) },
      { heading: "三、收到和处理政府信息公开申请情况" },
      {
        table: table3({
          一: [10, 4, 0, 0, 0, 0, 15],
          "(一)予以公开": [8, 3, 0, 0, 0, 0, 11],
          "(七)总计": [8, 3, 0, 0, 0, 0, 11],
          四: [2, 1, 0, 0, 0, 0, 3],
        }),
      },
      { heading: "四、政府信息公开行政复议、行政诉讼情况" },
      { table: table4([1, 0, 0, 0, 1, null, null, null, null, null, 0, 0, 0, 0, 0]) },
      { heading: "五、存在的主要问题及改进情况" },
      { text: "公开内容不够全面。" },
      { heading: "六、其他需要报告的事项" },
      { text: "本年度未收取信息处理费。" },
    ];
    const d = dir();
    const docx = join(d, "hand.docx");
    writeFileSync(docx, await makeXxgkDocx("木渎镇人民政府2023年政府信息公开工作年度报告", blocks));

    // As imported (not rolled forward): the printed 总计 15 stays, and check says it is not 10 + 4.
    const chosen = await chooseImportTemplate(docx, undefined);
    const imported = (await importReportFile(docx, { template: chosen, deps })).report;
    expect(imported.meta.reportYear).toBe(2023);
    expect(imported.fields["t3.new.total"]).toMatchObject({ value: "15", status: "confirmed" });
    expect(imported.fields["t4.lit_direct.maintain"]).toMatchObject({ value: null, status: "unconfirmed" });
    expect(imported.fields["t2.nds.valid"]?.value).toBe("11");
    const r3 = checkReport(imported, chosen, { today: "2024-01-10" }).find((f) => f.rule === "R3" && f.fields?.includes("t3.new.total"));
    expect(r3?.message).toContain("相差1");

    const { report } = await rollForward(docx);
    expectCarriedOver(report, { natural: "2", commercial: "1" });
    expect(report.fields["t3.carry_out.total"]?.lastYear?.value).toBe("3");
    expect(report.fields["t2.lic.decisions"]?.lastYear?.value).toBe("5");
  });

  it("recognises a 2019-format table, says what it could not carry over, and still prefills 上年结转", async () => {
    const blocks: HandBlock[] = [
      { heading: "一、总体情况" },
      { text: "2023年，本镇共收到政府信息公开申请6件。" },
      { heading: "二、主动公开政府信息情况" },
      { table: table2({ nds: [2, 2, 30], lic: 5, pen: 40, coe: 1, fee: "0" }, true) },
      { heading: "三、收到和处理政府信息公开申请情况" },
      {
        table: table3(
          {
            一: [5, 1, 0, 0, 0, 0, 6],
            "(一)予以公开": [3, 0, 0, 0, 0, 0, 3],
            "(六)其他处理": [1, 0, 0, 0, 0, 0, 1],
            "(七)总计": [4, 0, 0, 0, 0, 0, 4],
            四: [1, 1, 0, 0, 0, 0, 2],
          },
          true,
        ),
      },
      { heading: "四、政府信息公开行政复议、行政诉讼情况" },
      { table: table4(Array.from({ length: 15 }, () => 0)) },
      { heading: "五、存在的主要问题及改进情况" },
      { text: "无。" },
      { heading: "六、其他需要报告的事项" },
      { text: "无。" },
    ];
    const docx = join(dir(), "old.docx");
    writeFileSync(docx, await makeXxgkDocx("某某镇人民政府2023年政府信息公开工作年度报告", blocks));
    const { report, notices } = await rollForward(docx);
    expectCarriedOver(report, { natural: "1", commercial: "1" });
    expect(notices.some((n) => n.startsWith("表二") && n.includes("2019 年试行格式") && n.includes("本年新制作数量"))).toBe(true);
    expect(notices.some((n) => n.includes("“规范性文件”一行的栏目与本格式（“本年制发件数”“本年废止件数”“现行有效件数”）不同"))).toBe(true);
    expect(notices.some((n) => n.startsWith("表三") && n.includes("“（六）其他处理”一行填有数字") && n.includes("无法拆分"))).toBe(true);
    // Not carried: the old columns and the unsplit row; carried: everything that means the same.
    expect(report.fields["t2.nds.valid"]?.lastYear?.value ?? null).toBeNull();
    expect(report.fields["t2.pen.decisions"]?.lastYear?.value ?? null).toBeNull();
    expect(report.fields["t3.other_other.natural"]?.lastYear?.value ?? null).toBeNull();
    expect(report.fields["t3.open.natural"]?.lastYear?.value).toBe("3");
    expect(report.fields["t4.review.total"]?.lastYear?.value).toBe("0");
    // The new year's tables are the 2021 format.
    const texts = JSON.stringify(report.body);
    expect(texts).toContain("本年制发件数");
    expect(texts).not.toContain("本年新制作数量");
  });

  it("reads the tables of a Markdown copy, a text copy and last year's .nianbao", async () => {
    const d = dir();
    const row = (label: string, values: number[]): string => `| ${label} | | | ${values.join(" | ")} |`;
    const md = [
      "# 木渎镇人民政府2023年政府信息公开工作年度报告",
      "## 一、总体情况",
      "2023年共收到申请3件。",
      "## 三、收到和处理政府信息公开申请情况",
      "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
      "|---|---|---|---|---|---|---|---|---|---|",
      row("一、本年新收政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3]),
      row("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0]),
      "| 三、本年度办理结果 | （一）予以公开 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
      row("（七）总计", [1, 0, 0, 0, 0, 0, 1]),
      row("四、结转下年度继续办理", [2, 0, 0, 0, 0, 0, 2]),
    ].join("\n");
    const mdPath = join(d, "2023.md");
    writeFileSync(mdPath, md);
    expectCarriedOver((await rollForward(mdPath)).report, { natural: "2" });

    // The same table copied from the published web page into Notepad: tab-separated cells.
    const txt = md
      .split("\n")
      .filter((l) => !l.startsWith("|---"))
      .map((l) =>
        l.startsWith("|")
          ? l
              .slice(1, -1)
              .split("|")
              .map((c) => c.trim())
              .join("\t")
          : l.replace(/^#+ /u, ""),
      )
      .join("\n");
    const txtPath = join(d, "2023.txt");
    writeFileSync(txtPath, txt);
    expectCarriedOver((await rollForward(txtPath)).report, { natural: "2" });

    const nianbao = join(d, "2023.nianbao");
    await saveReportFile(nianbao, filled2023());
    expectCarriedOver((await rollForward(nianbao)).report, { natural: "4", commercial: "1" });
  });
});
