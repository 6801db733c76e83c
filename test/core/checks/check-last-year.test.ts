import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import { Finding } from "../../../core/checks/finding";
import { decidePlan } from "../../../core/compare/plan-checklist";
import type { DocNode } from "../../../core/model/doc";
import { Report } from "../../../core/model/report";
import { fazhiTemplate } from "../../support/template";
import { cleanReport, text, withParagraph } from "./crafted-report";

const template = fazhiTemplate();
const TODAY = "2025-01-20";

function found(report: Report, id: string, limits?: Parameters<typeof checkReport>[2]["copiedTextLimits"]): Finding[] {
  const all = checkReport(report, template, { today: TODAY, ...(limits === undefined ? {} : { copiedTextLimits: limits }) });
  for (const f of all) expect(Finding.safeParse(f).success).toBe(true);
  return all.filter((f) => f.id === id);
}

function partIndex(body: DocNode, partId: string): number {
  return body.content.findIndex((n) => n.type === "part" && n.attrs.partId === partId);
}

/** A 2024 report whose snapshot is last year's: the same text with the plans paragraph given. */
function withLastYear(report: Report, lastYear: Report): Report {
  return Report.parse({
    ...report,
    lastYear: { meta: { ...lastYear.meta, reportYear: 2023 }, body: lastYear.body, fields: lastYear.fields },
  });
}

const MEASURE = "全面推进政务公开，完善政务公开标准化体系，主动公开政府信息，认真做好行政复议和应诉工作。";
const SHORTCOMING = "法治宣传的针对性和实效性还有待提高，基层执法人员的法治素养仍需加强。";

describe("text unchanged from last year", () => {
  const last = withParagraph(withParagraph(cleanReport(2023), "measures", [text(MEASURE)]).report, "shortcomings", [
    text(SHORTCOMING),
  ]).report;

  it("COPY-HIGH: a copied 主要举措和成效 part, located at the part; the duty part may repeat itself", () => {
    const now = withParagraph(withParagraph(cleanReport(), "measures", [text(MEASURE)]).report, "shortcomings", [
      text(
        "本年度新发现的不足：数据共享平台建设滞后，跨部门协同不够顺畅，镇村两级法律顾问的作用发挥还不均衡，部分村（社区）的法治阵地利用率不高。",
      ),
    ]).report;
    const report = withLastYear(now, last);
    const findings = found(report, "COPY-HIGH");
    expect(findings).toEqual([
      {
        id: "COPY-HIGH",
        severity: "warning",
        message: expect.stringContaining("与上年报告相同") as string,
        location: { part: "measures", path: ["body", "content", partIndex(report.body, "measures")], fieldId: null },
      },
    ]);
    expect(findings[0]?.message).toContain("主要举措和成效”有 100% 的文字");
  });

  it("judges against the given limit, and says nothing without last year's snapshot", () => {
    const now = withParagraph(cleanReport(), "measures", [
      text(MEASURE.replace("认真做好行政复议和应诉工作", "全年办理行政复议案件，开展行政应诉旁听活动，规范行政应诉")),
    ]).report;
    const report = withLastYear(now, last);
    expect(found(report, "COPY-HIGH").map((f) => f.location.part)).toEqual(["measures", "shortcomings"]);
    expect(found(report, "COPY-HIGH", { measures: 0.95 }).map((f) => f.location.part)).toEqual([]);
    expect(found(now, "COPY-HIGH")).toEqual([]);
  });
});

describe("last year's plans", () => {
  const last = withParagraph(cleanReport(2023), "nextYear", [
    text("一是完善重大行政决策程序。二是深化政务公开。三是加强执法队伍建设。"),
  ]).report;

  it("PLAN-OPEN: each plan nobody has answered, located at last year's plans; PLAN-NOT-DONE as information", () => {
    let report = withLastYear(cleanReport(), last);
    expect(found(report, "PLAN-OPEN").map((f) => f.message)).toEqual([
      expect.stringContaining("“完善重大行政决策程序”尚未对照"),
      expect.stringContaining("“深化政务公开”尚未对照"),
      expect.stringContaining("“加强执法队伍建设”尚未对照"),
    ]);
    const nextYear = partIndex(last.body, "nextYear");
    expect(found(report, "PLAN-OPEN")[0]).toMatchObject({
      severity: "warning",
      location: { part: null, path: ["lastYear", "body", "content", nextYear], fieldId: null },
    });

    report = decidePlan(report, "完善重大行政决策程序", {
      status: "addressed",
      link: { path: [partIndex(report.body, "measures"), 1], quote: "各项工作扎实推进" },
      reason: null,
    });
    report = decidePlan(report, "深化政务公开", { status: "notDone", link: null, reason: "政务公开平台改版延期至2025年" });
    expect(found(report, "PLAN-OPEN").map((f) => f.message)).toEqual([expect.stringContaining("“加强执法队伍建设”")]);
    expect(found(report, "PLAN-NOT-DONE")).toEqual([
      {
        id: "PLAN-NOT-DONE",
        severity: "info",
        message: expect.stringContaining("政务公开平台改版延期至2025年") as string,
        location: { part: "shortcomings", path: ["body", "content", partIndex(report.body, "shortcomings")], fieldId: null },
      },
    ]);
  });
});
