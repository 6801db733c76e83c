import { describe, expect, it } from "vitest";
import { extractPlans } from "../../../core/compare/extract-plans";
import { decidePlan, planChecklist } from "../../../core/compare/plan-checklist";
import { createReport } from "../../../core/model/create-report";
import type { DocNode } from "../../../core/model/doc";
import { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { readFixtureMarkdown } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

/** Part 四 of the Mudu fixture, with the mid-sentence page break ("法治方 / 式") rejoined. */
function fixtureNextYearText(): string {
  const md = readFixtureMarkdown();
  const after = md.split(/^#+ 四、.*$/m)[1] ?? "";
  const body = after.split("吴中区木渎镇人民政府")[0] ?? "";
  return body
    .split("\n")
    .map((l) => l.trim())
    .join("");
}

function nextYearBody(paragraphs: string[], subheadings: string[] = []): DocNode {
  return {
    type: "doc",
    content: [
      {
        type: "part",
        attrs: { partId: "nextYear" },
        content: [
          {
            type: "heading",
            attrs: { level: 1, carried: false },
            content: [{ type: "text", text: "四、下一年度继续推进法治政府建设的主要安排" }],
          },
          ...subheadings.map((t) => ({
            type: "heading" as const,
            attrs: { level: 2 as const, carried: false },
            content: [{ type: "text" as const, text: t }],
          })),
          ...paragraphs.map((t) => ({
            type: "paragraph" as const,
            attrs: { carried: false },
            content: [{ type: "text" as const, text: t }],
          })),
        ],
      },
    ],
  };
}

describe("extractPlans", () => {
  it("splits the fixture's 一是…四是 paragraph into its four plans", () => {
    const items = extractPlans(nextYearBody([fixtureNextYearText()]));
    expect(items.map((i) => i.key)).toEqual(["有效提高法治能力建设", "自觉主动接受监督", "深入开展政务公开", "切实抓好法治宣传教育"]);
    expect(items[0]?.text).toBe(
      "一是有效提高法治能力建设。健全合法性审查机制，坚持用法治思维和法治方式化解矛盾、防控风险、推动发展。健全学法用法长效机制，提高处理实际问题的能力。",
    );
    expect(items[3]?.text.endsWith("提升全镇社会治理法治化水平。")).toBe(true);
  });

  it("uses subsection headings, numbered paragraphs or sentences when there are no 一是 leads", () => {
    expect(extractPlans(nextYearBody(["正文。"], ["（一）深化行政执法体制改革", "（二）加强行政复议工作"])).map((i) => i.key)).toEqual([
      "深化行政执法体制改革",
      "加强行政复议工作",
    ]);
    expect(extractPlans(nextYearBody(["1.完善重大行政决策程序。", "2．推进政务公开。"])).map((i) => i.key)).toEqual([
      "完善重大行政决策程序",
      "推进政务公开",
    ]);
    expect(extractPlans(nextYearBody(["完善决策机制。加强执法监督！"])).map((i) => i.text)).toEqual(["完善决策机制。", "加强执法监督！"]);
  });
});

describe("planChecklist", () => {
  it("starts every plan open and records addressed/notDone decisions", () => {
    const base = createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
    const report: Report = {
      ...base,
      lastYear: { meta: { ...base.meta, reportYear: 2023 }, body: nextYearBody([fixtureNextYearText()]), fields: {} },
    };
    expect(planChecklist(report).map((i) => i.status)).toEqual(["open", "open", "open", "open"]);
    let next = decidePlan(report, "自觉主动接受监督", {
      status: "addressed",
      link: { path: [1, 2], quote: "高质量办理人大代表议案建议" },
      reason: null,
    });
    next = decidePlan(next, "深入开展政务公开", { status: "notDone", link: null, reason: "平台建设延期" });
    expect(Report.parse(next).plans).toHaveLength(2);
    expect(planChecklist(next).map((i) => i.status)).toEqual(["open", "addressed", "notDone", "open"]);
    expect(Report.safeParse(decidePlan(report, "深入开展政务公开", { status: "notDone", link: null, reason: " " })).success).toBe(false);
  });
});
