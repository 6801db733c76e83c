import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { describe, expect, it } from "vitest";
import { applyTypedValue } from "../../../core/fields/apply-typed-value";
import { fieldText, fieldTextResolver } from "../../../core/fields/field-text";
import { reportExtensions } from "../../../core/schema/report-extensions";
import { describeReport } from "../../../core/inspect/describe-report";
import { Field } from "../../../core/model/field";
import { atom, cleanReport, text, withFields, withHeading, withParagraph } from "../checks/crafted-report";

const accepted = Field.parse({
  id: "accepted",
  label: "受理审批服务事项",
  kind: "count",
  value: "400000",
  unit: "件",
  scale: "万",
  qualifier: "超",
  status: "confirmed",
  lastYear: { value: "360000", unit: "件", scale: "万", qualifier: "超" },
});
const growth = Field.parse({
  id: "acceptedGrowth",
  label: "受理量增幅",
  kind: "growth",
  value: "17.48",
  unit: "%",
  decimals: 2,
  status: "confirmed",
  baseFieldId: "accepted",
});
const closed = Field.parse({
  id: "closed",
  label: "结案率",
  kind: "percent",
  value: "95.5",
  unit: "%",
  decimals: 1,
  status: "confirmed",
  lastYear: { value: "93.26", unit: "%" },
});

describe("fieldText: what a field atom reads", () => {
  const source = { fields: { accepted, acceptedGrowth: growth, closed } };

  it("renders values in the author's scale with the qualifier, and the YoY wording for yoy atoms", () => {
    expect(fieldText(source, "accepted", "value")).toBe("超40万件");
    expect(fieldText(source, "accepted", "yoy")).toBe("同比增长11.11%");
    expect(fieldText(source, "closed", "value")).toBe("95.5%");
    expect(fieldText(source, "closed", "yoy")).toBe("提高2.24个百分点");
    expect(fieldText(source, "nope", "value")).toBeUndefined();
  });

  it("computes a bound growth field from its base, so it follows either year's value", () => {
    expect(fieldText(source, "acceptedGrowth", "value")).toBe("11.11%");
    expect(fieldText(source, "acceptedGrowth", "yoy")).toBe("同比增长11.11%");
    const fell = { fields: { ...source.fields, accepted: { ...accepted, value: "342000" } } };
    expect(fieldText(fell, "acceptedGrowth", "value")).toBe("5.00%");
    expect(fieldText(fell, "accepted", "yoy")).toBe("同比下降5%");
    const lastChanged = {
      fields: {
        ...source.fields,
        accepted: { ...accepted, lastYear: { value: "320000", unit: "件", scale: "万" as const, qualifier: "none" as const } },
      },
    };
    expect(fieldText(lastChanged, "accepted", "yoy")).toBe("同比增长25%");
  });

  it("groups thousands only when the profile asks", () => {
    const big = { fields: { n: Field.parse({ id: "n", label: "n", kind: "count", value: "1234567", unit: "件", status: "confirmed" }) } };
    expect(fieldText(big, "n", "value")).toBe("1234567件");
    expect(fieldText(big, "n", "value", { thousandsSeparator: true })).toBe("1,234,567件");
  });

  it("is what inspect shows for headings with atoms and for the field list", () => {
    let report = withFields(cleanReport(), accepted, closed);
    report = withHeading(report, "measures", 3, [text("1.受理量"), atom("accepted", "yoy")]).report;
    report = withParagraph(report, "measures", [
      text("全年受理"),
      atom("accepted"),
      text("，"),
      atom("accepted", "yoy"),
      text("。"),
    ]).report;
    const described = describeReport(report);
    expect(described.headings.map((h) => h.text)).toContain("1.受理量同比增长11.11%");
    const field = described.fields.find((f) => f.id === "accepted");
    expect(field).toMatchObject({
      text: "超40万件",
      value: 400000,
      lastYearValue: 360000,
      yoy: "同比增长11.11%",
      qualifier: "超",
      percent: false,
    });
    expect(described.fields.find((f) => f.id === "closed")).toMatchObject({ percent: true, yoy: "提高2.24个百分点" });
  });
});

describe("applyTypedValue: a clerk types into a field", () => {
  const count = Field.parse({
    id: "accepted",
    label: "受理审批服务事项",
    kind: "count",
    value: null,
    unit: "件",
    scale: "none",
    status: "unconfirmed",
  });

  it("stores 超36万 as 360000 shown in 万, inexact, leaving the status to the caller", () => {
    const r = applyTypedValue(count, "超36万");
    expect(r.ok && r.field).toMatchObject({
      value: "360000",
      scale: "万",
      qualifier: "超",
      decimals: 0,
      exact: false,
      status: "unconfirmed",
    });
  });

  it("keeps the display scale for a bare number and takes the typed decimals otherwise", () => {
    const inWan = { ...count, scale: "万" as const, decimals: 1 };
    const r = applyTypedValue(inWan, "412345");
    expect(r.ok && r.field).toMatchObject({ value: "412345", scale: "万", decimals: 1, qualifier: "none", exact: true });
    const rate = Field.parse({ id: "closed", label: "结案率", kind: "percent", value: null, unit: "%", status: "unconfirmed" });
    const typed = applyTypedValue(rate, "93.26%");
    expect(typed.ok && typed.field).toMatchObject({ value: "93.26", decimals: 2 });
  });

  it.each([
    ["abc", "不是可识别的数值"],
    ["1e309", "不是可识别的数值"],
    ["-5", "不能为负数"],
    ["2.5", "须为整数"],
    ["30%", "不能填百分比"],
    ["36万平方米", "不一致"],
  ])("refuses %s for a count", (input, zh) => {
    const r = applyTypedValue(count, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.zh).toContain(zh);
  });

  it("refuses a rate of 150% or below zero and a rate written with a count unit", () => {
    const rate = Field.parse({ id: "closed", label: "结案率", kind: "percent", value: null, unit: "%", status: "unconfirmed" });
    for (const input of ["150%", "100.01", "-1%", "93件"]) expect(applyTypedValue(rate, input).ok, input).toBe(false);
    expect(applyTypedValue(rate, "100%").ok).toBe(true);
  });
});

describe("YoY atoms through the shared TipTap schema", () => {
  it("render the computed wording in static HTML and follow a change of either year's value", () => {
    let report = withFields(cleanReport(), accepted);
    report = withParagraph(report, "measures", [text("受理"), atom("accepted"), text("，"), atom("accepted", "yoy"), text("。")]).report;
    const html = (r: typeof report) => {
      const extensions = reportExtensions(fieldTextResolver(r));
      return renderToHTMLString({ extensions, content: PMNode.fromJSON(getSchema(extensions), r.body) });
    };
    expect(html(report)).toContain(
      '受理<span data-type="report-field" data-field-id="accepted">超40万件</span>，<span data-type="report-field" data-field-id="accepted" data-show="yoy">同比增长11.11%</span>',
    );
    const lastYearFixed = withFields(report, { ...accepted, lastYear: { value: "320000", unit: "件", scale: "万", qualifier: "none" } });
    expect(html(lastYearFixed)).toContain(">同比增长25%<");
    const thisYearFell = withFields(report, { ...accepted, value: "324000" });
    expect(html(thisYearFell)).toContain(">同比下降10%<");
  });
});
