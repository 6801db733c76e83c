import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decidePlan, planChecklist } from "../../../core/compare/plan-checklist";
import { createReport } from "../../../core/model/create-report";
import { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { libreOfficeConvert } from "../../support/pdf-readers";
import { runCli } from "../../support/run-cli";
import { fazhiTemplate } from "../../support/template";
import {
  documentXml,
  odtAcceptedParagraphs,
  packagePart as part,
  plainParagraphs,
  resolvedParagraphs,
} from "../../support/tracked-changes";
import { edited, paragraphPaths, rolledForwardFixture, saved, tempDir } from "./edited-fixture";

const ADDED = "全年聘请法律顾问2名，";
const NEW_PARAGRAPH = "本年度新发现的不足：数据共享平台建设滞后，跨部门协同还不够顺畅。";

describe("nianbao export --redline on the Mudu report rolled forward and edited", () => {
  let dir = "";
  let deletedText = "";

  beforeAll(async () => {
    const base = await rolledForwardFixture();
    let report = edited(base, "measures", 1, { replace: ["有效发挥镇党委", `${ADDED}有效发挥镇党委`] });
    const [i, j] = paragraphPaths(report.body, "measures")[4] ?? [0, 0];
    const doomed = report.body.content[i];
    deletedText = doomed?.type === "part" ? (doomed.content[j]?.content?.find((n) => n.type === "text")?.text ?? "") : "";
    report = edited(report, "measures", 4, { delete: true });
    report = edited(report, "shortcomings", 0, { append: NEW_PARAGRAPH });
    const last = report.lastYear;
    if (!last) throw new Error("roll-forward keeps last year's snapshot");
    dir = tempDir();
    await saved(report, dir, "r.nianbao");
    // Last year's report on its own, exported the ordinary way: what rejecting every change must give.
    await saved(
      Report.parse({
        ...report,
        meta: { ...last.meta, profile: report.meta.profile },
        body: last.body,
        fields: last.fields,
        lastYear: null,
      }),
      dir,
      "last.nianbao",
    );
    const r = runCli(["export", "r.nianbao", "--redline", "red.docx", "--docx", "now.docx", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["docx", "pdf", "pages", "fonts", "state", "blocking", "redline"]);
    expect(json.redline).toBe(join(dir, "red.docx"));
    expect(runCli(["export", "last.nianbao", "--docx", "last.docx"], { cwd: dir }).status).toBe(0);
  });

  it("accepting every change gives this year's document exactly, rejecting every change last year's", () => {
    const red = documentXml(join(dir, "red.docx"));
    const accepted = resolvedParagraphs(red, "accept");
    const rejected = resolvedParagraphs(red, "reject");
    expect(accepted).toEqual(plainParagraphs(documentXml(join(dir, "now.docx"))));
    expect(rejected).toEqual(plainParagraphs(documentXml(join(dir, "last.docx"))));
    expect(deletedText.length).toBeGreaterThan(20);
    expect(accepted.some((p) => p.startsWith(`${ADDED}有效发挥镇党委`))).toBe(true);
    expect(rejected.some((p) => p.includes(ADDED))).toBe(false);
    expect(accepted).toContain(NEW_PARAGRAPH);
    expect(rejected).not.toContain(NEW_PARAGRAPH);
    expect(rejected.some((p) => p.includes(deletedText))).toBe(true);
    expect(accepted.some((p) => p.includes(deletedText))).toBe(false);
    expect(accepted[0]).toBe("2024年度木渎镇法治政府建设工作报告");
    expect(rejected[0]).toBe("2023年度木渎镇法治政府建设工作报告");
  });

  it("marks every change with the author 上年对照 and a date, the edit inside its paragraph", () => {
    const red = documentXml(join(dir, "red.docx"));
    const marks = [...red.matchAll(/<w:(ins|del) ([^>]*?)\/?>/g)];
    expect(marks.length).toBeGreaterThan(4);
    for (const m of marks) {
      expect(m[2]).toContain('w:author="上年对照"');
      expect(m[2]).toMatch(/w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    }
    expect(red).toMatch(new RegExp(`<w:ins [^>]*><w:r>(?:(?!</w:r>).)*<w:t xml:space="preserve">${ADDED}</w:t></w:r></w:ins>`));
  });

  it("keeps the GB/T 9704 layout of the ordinary export: the same styles and page set-up", () => {
    const sectPr = (xml: string): string[] =>
      [...xml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0].replace(/r:id="[^"]*"/g, ""));
    expect(part(join(dir, "red.docx"), "word/styles.xml")).toBe(part(join(dir, "now.docx"), "word/styles.xml"));
    expect(sectPr(documentXml(join(dir, "red.docx")))).toEqual(sectPr(documentXml(join(dir, "now.docx"))));
  });

  it("opens in LibreOffice with the revisions by 上年对照; what LibreOffice accepts is this year's text", () => {
    const out = join(dir, "lo");
    libreOfficeConvert([join(dir, "red.docx")], out, "odt");
    const content = part(join(out, "red.odt"), "content.xml");
    expect(content).toContain("<text:tracked-changes");
    expect(odtAcceptedParagraphs(content)).toEqual(plainParagraphs(documentXml(join(dir, "now.docx"))));
    expect(content).toMatch(/<text:insertion>[\s\S]*?<dc:creator>上年对照<\/dc:creator>/);
    expect(content).toMatch(/<text:deletion>[\s\S]*?<dc:creator>上年对照<\/dc:creator>/);
    libreOfficeConvert([join(dir, "red.docx")], out, "txt:Text (encoded):UTF8");
    const text = readFileSync(join(out, "red.txt"), "utf8");
    expect(text).toContain(`${ADDED}有效发挥镇党委`);
    expect(text).toContain(deletedText);
  });
});

describe("nianbao export --plans", () => {
  it("writes last year's plans as a four-column table with this year's answers", async () => {
    let report = await rolledForwardFixture();
    const [mi, mj] = paragraphPaths(report.body, "measures")[3] ?? [0, 0];
    report = decidePlan(report, "自觉主动接受监督", {
      status: "addressed",
      link: { path: [mi, mj], quote: "认真办理人大代表建议和政协委员提案" },
      reason: null,
    });
    report = decidePlan(report, "深入开展政务公开", { status: "notDone", link: null, reason: "政策解读机制待区级平台上线后建立" });
    const dir = tempDir();
    await saved(report, dir);
    const r = runCli(["export", "r.nianbao", "--plans", "plans.docx"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("上年主要安排落实情况对照表");
    expect(existsSync(join(dir, "r.docx"))).toBe(false);

    const xml = documentXml(join(dir, "plans.docx"));
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => plainParagraphs(cell[0]).join("\n")),
    );
    expect(rows[0]).toEqual(["序号", "上年安排", "落实情况", "本年报告中的对应内容或未落实原因"]);
    const plans = planChecklist(report).map((p) => p.text);
    expect(plans).toHaveLength(4);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2]])).toEqual([
      ["1", plans[0], "待对照"],
      ["2", plans[1], "已落实"],
      ["3", plans[2], "未落实"],
      ["4", plans[3], "待对照"],
    ]);
    expect(rows[2]?.[3]).toBe("认真办理人大代表建议和政协委员提案（见“二、本年度推进法治政府建设的主要举措和成效”）");
    expect(rows[3]?.[3]).toBe("政策解读机制待区级平台上线后建立");
    expect(rows[1]?.[3]).toBe("");
    // The header row repeats on every page, no row splits across pages, and 序号 / 落实情况 each
    // fit one line: 2 and 4 字 (320 twip each) plus the cells' 108-twip margins on both sides.
    const trs = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(trs[0]).toContain("<w:tblHeader/>");
    expect(trs.slice(1).some((tr) => tr.includes("<w:tblHeader/>"))).toBe(false);
    expect(trs.every((tr) => tr.includes("<w:cantSplit/>"))).toBe(true);
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid[0]).toBeGreaterThanOrEqual(2 * 320 + 216);
    expect(grid[2]).toBeGreaterThanOrEqual(4 * 320 + 216);

    libreOfficeConvert([join(dir, "plans.docx")], join(dir, "lo"), "txt:Text (encoded):UTF8");
    const text = readFileSync(join(dir, "lo", "plans.txt"), "utf8");
    for (const expected of [
      "上年主要安排落实情况对照表",
      "本年报告中的对应内容或未落实原因",
      "四是切实抓好法治宣传教育",
      "政策解读机制待区级平台上线后建立",
    ])
      expect(text).toContain(expected);
  });

  it("refuses a report without last year's snapshot and writes nothing", async () => {
    const dir = tempDir();
    await saved(createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps()), dir);
    for (const flag of ["--plans", "--redline"]) {
      const r = runCli(["export", "r.nianbao", flag, "out.docx", "--docx", "r.docx"], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("没有上年报告");
      expect(r.stderr).toContain("no last-year snapshot");
      expect(existsSync(join(dir, "out.docx"))).toBe(false);
      expect(existsSync(join(dir, "r.docx"))).toBe(false);
    }
  });
});
