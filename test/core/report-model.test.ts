import { describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import { DecimalString } from "../../core/model/decimal-string";
import { Field } from "../../core/model/field";
import { Report } from "../../core/model/report";
import { fixedDeps } from "../support/deps";
import { fazhiTemplate } from "../support/template";

function newReport() {
  return createReport(fazhiTemplate(), { org: "吴中区木渎镇人民政府", year: 2024 }, fixedDeps());
}

describe("createReport", () => {
  it("lays out the four statutory parts in the fixture's order with the report year filled in", () => {
    const report = newReport();
    const parts = report.body.content.filter((n) => n.type === "part");
    expect(parts.map((p) => p.type === "part" && p.attrs.partId)).toEqual(["duty", "measures", "shortcomings", "nextYear"]);
    const headings = parts.map((p) => (p.type === "part" && p.content[0]?.type === "heading" ? p.content[0].content?.[0] : undefined));
    expect(headings.map((h) => (h?.type === "text" ? h.text : ""))).toEqual([
      "一、党政主要负责人履行推进法治建设第一责任人职责情况",
      "二、2024年推进法治政府建设的主要举措和成效",
      "三、2024年推进法治政府建设存在的不足和原因",
      "四、2025年推进法治政府建设的主要安排",
    ]);
    expect(report.meta).toMatchObject({
      org: "吴中区木渎镇人民政府",
      reportYear: 2024,
      date: null,
      title: "2024年度吴中区木渎镇人民政府法治政府建设工作报告",
    });
    expect(report.workflow.state).toBe("draft");
  });

  it("includes the six subsections of 主要举措和成效 as level-2 headings", () => {
    const measures = newReport().body.content.find((n) => n.type === "part" && n.attrs.partId === "measures");
    const level2 = measures?.type === "part" ? measures.content.filter((b) => b.type === "heading" && b.attrs.level === 2) : [];
    expect(level2).toHaveLength(6);
  });

  it("adds 其他需要报告的情况 only when optional parts are asked for", () => {
    const report = createReport(fazhiTemplate(), { org: "某县司法局", year: 2024, includeOptional: true }, fixedDeps());
    expect(report.body.content.filter((n) => n.type === "part")).toHaveLength(5);
  });
});

describe("report schema", () => {
  it("keeps values exact: decimals are strings and exponent or NaN forms are refused", () => {
    expect(DecimalString.safeParse("93.26").success).toBe(true);
    expect(DecimalString.safeParse("360000").success).toBe(true);
    for (const bad of ["1e309", "NaN", "Infinity", "0x10", "1,000", "", "01", "3."]) {
      expect(DecimalString.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("fills field defaults and rejects unknown kinds", () => {
    const field = Field.parse({
      id: "accepted",
      label: "受理审批服务事项",
      kind: "count",
      value: "360000",
      unit: "件",
      status: "unconfirmed",
    });
    expect(field).toMatchObject({
      scale: "none",
      qualifier: "none",
      decimals: 0,
      growthDecimals: 2,
      lastYear: null,
      baseFieldId: null,
      series: [],
    });
    expect(Field.safeParse({ ...field, kind: "money" }).success).toBe(false);
  });

  it("rejects a field stored under another id, a part without its heading, and text after the parts", () => {
    const report = newReport();
    const field = Field.parse({ id: "a", label: "x", kind: "count", value: "1", unit: "件", status: "confirmed" });
    expect(Report.safeParse({ ...report, fields: { b: field } }).success).toBe(false);
    const headless = {
      ...report,
      body: { type: "doc", content: [{ type: "part", attrs: { partId: "duty" }, content: [{ type: "paragraph" }] }] },
    };
    expect(Report.safeParse(headless).success).toBe(false);
    const trailing = { ...report, body: { type: "doc", content: [...report.body.content, { type: "paragraph" }] } };
    expect(Report.safeParse(trailing).success).toBe(false);
  });

  it("holds run-in headings, tables, field atoms and a last-year snapshot", () => {
    const report = newReport();
    const body = {
      type: "doc",
      content: [
        {
          type: "part",
          attrs: { partId: "measures" },
          content: [
            { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "一、主要举措和成效" }] },
            {
              type: "paragraph",
              attrs: { carried: true },
              content: [
                { type: "text", text: "（一）加强组织领导。", marks: [{ type: "runInHeading", attrs: { level: 2 } }] },
                { type: "text", text: "全年受理" },
                { type: "reportField", attrs: { fieldId: "accepted" } },
                { type: "text", text: "，" },
                { type: "reportField", attrs: { fieldId: "accepted", show: "yoy" } },
              ],
            },
            {
              type: "table",
              content: [
                {
                  type: "tableRow",
                  content: [{ type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "项目" }] }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const accepted = {
      id: "accepted",
      label: "受理审批服务事项",
      kind: "count",
      value: "400000",
      unit: "件",
      scale: "万",
      qualifier: "超",
      status: "unconfirmed",
      lastYear: { value: "360000", unit: "件", scale: "万", qualifier: "超" },
    };
    const parsed = Report.parse({ ...report, body, fields: { accepted }, lastYear: { meta: report.meta, body: report.body, fields: {} } });
    expect(parsed.fields["accepted"]?.lastYear?.value).toBe("360000");
    expect(parsed.lastYear?.meta.reportYear).toBe(2024);
  });
});
