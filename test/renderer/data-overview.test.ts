import { describe, expect, it } from "vitest";
import { DocNode } from "../../core/model/doc";
import type { Field } from "../../core/model/field";
import { changeText, dataOverview } from "../../renderer/features/data-overview/overview-bars";
import { docWithParagraph, field } from "./support/report-editor";

const chipsOf = (fields: Field[]): DocNode =>
  DocNode.parse(
    docWithParagraph(
      fields.flatMap((f) => [
        { type: "text", text: "，" },
        { type: "reportField", attrs: { fieldId: f.id } },
      ]),
    ),
  );

const byId = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.id, f]));
const last = (value: string | null, unit = "件") => ({ value, unit });

describe("what the 数据概览 chart draws", () => {
  const fields = [
    field({ id: "cases", label: "受理信访件", value: "590", lastYear: last("500") }),
    field({
      id: "permits",
      label: "受理审批服务事项",
      value: "400000",
      scale: "万",
      qualifier: "超",
      lastYear: { ...last("365000"), scale: "万" },
    }),
    field({ id: "rate", label: "行政复议纠错率", kind: "percent", unit: "%", decimals: 1, value: "95.5", lastYear: last("98", "%") }),
    field({ id: "closed", label: "结案率", kind: "percent", unit: "%", decimals: 1, value: "95.5", lastYear: last("93.26", "%") }),
    field({ id: "share", label: "占全区总量", kind: "ratio", unit: "%", value: "26", lastYear: last("13", "%") }),
    field({ id: "growth", label: "同比增长", kind: "growth", unit: "%", value: "18", baseFieldId: "cases", lastYear: last("5", "%") }),
    field({ id: "empty", label: "新建卫星消防站", value: null, lastYear: last("2", "座") }),
    field({ id: "fresh", label: "法律顾问", value: "12", lastYear: null }),
    field({ id: "noLast", label: "培训人次", value: "300", lastYear: last(null) }),
    field({ id: "same", label: "普法活动", value: "40", lastYear: last("40") }),
    field({ id: "fromZero", label: "新设调解室", value: "3", lastYear: last("0") }),
  ];
  const overview = dataOverview(chipsOf(fields), byId(fields));

  it("draws rates and counts apart, each the biggest relative change first", () => {
    expect(overview.rates.map((b) => b.fieldId)).toEqual(["share", "rate", "closed"]);
    // 0 → 3 has no ratio and goes first; then +18% (cases) before +9.6% (permits); 持平 last.
    expect(overview.counts.map((b) => b.fieldId)).toEqual(["fromZero", "cases", "permits", "same"]);
    expect(overview.rates.every((b) => b.scale === "rate") && overview.counts.every((b) => b.scale === "count")).toBe(true);
  });

  it("labels each bar with the field's label and both years in digits, alike", () => {
    const permits = overview.counts.find((b) => b.fieldId === "permits");
    const written = dataOverview(chipsOf(fields), {
      ...byId(fields),
      cases: {
        ...fields[0]!,
        value: "2",
        written: { numerals: "chinese", two: "两", bareUnit: false, grouped: false, fullWidth: false, frame: "# 件" },
      },
    });
    expect(written.counts.find((b) => b.fieldId === "cases")?.thisText).toBe("2件");
    expect(permits).toMatchObject({
      label: "受理审批服务事项",
      thisYear: 400000,
      lastYear: 365000,
      thisText: "超40万件",
      lastText: "36.5万件",
    });
    const rate = overview.rates.find((b) => b.fieldId === "rate");
    expect(rate).toMatchObject({ thisText: "95.5%", lastText: "98%" });
    expect(overview.counts.find((b) => b.fieldId === "cases")?.lastText).toBe("500件");
    expect(overview.rates.find((b) => b.fieldId === "closed")?.lastText).toBe("93.26%");
    expect(changeText(rate?.change ?? 0)).toBe("−2.6%");
    expect(changeText(overview.counts[0]?.change ?? 0)).toBe("上年为 0");
    expect(changeText(overview.counts.at(-1)?.change ?? 1)).toBe("持平");
  });

  it("lists fields missing a year instead of drawing them as zero, and never draws a 同比 field", () => {
    expect(overview.unfilled.map((e) => e.label)).toEqual(["新建卫星消防站"]);
    expect(overview.noLastYear.map((e) => e.label)).toEqual(["法律顾问", "培训人次"]);
    const drawn = [...overview.rates, ...overview.counts].map((b) => b.fieldId);
    expect(drawn).not.toContain("growth");
    expect(drawn).not.toContain("empty");
  });

  it("keeps document order among equal changes and follows a changed value", () => {
    const a = field({ id: "a", label: "甲", value: "110", lastYear: last("100") });
    const b = field({ id: "b", label: "乙", value: "220", lastYear: last("200") });
    expect(dataOverview(chipsOf([b, a]), byId([a, b])).counts.map((x) => x.fieldId)).toEqual(["b", "a"]);
    const changed = { ...a, value: "300" };
    expect(dataOverview(chipsOf([b, a]), byId([changed, b])).counts.map((x) => x.fieldId)).toEqual(["a", "b"]);
  });
});
