import { describe, expect, it } from "vitest";
import { applyFix } from "../../../core/edits/apply-fix";
import { checkReport } from "../../../core/checks/check-report";
import { applyTypedValue } from "../../../core/fields/apply-typed-value";
import { fieldText } from "../../../core/fields/field-text";
import { formatValue } from "../../../core/fields/format-field";
import { buildImportedReport } from "../../../core/import/build-imported-report";
import { recognizeReport } from "../../../core/import/recognize-report";
import type { SourceBlockInput } from "../../../core/import/source-block";
import { SourceBlock } from "../../../core/import/source-block";
import { Field, type FieldInput } from "../../../core/model/field";
import type { Report } from "../../../core/model/report";
import { parseChineseDecimal, toChineseNumber } from "../../../core/text/chinese-numeral";
import { fixedDeps } from "../../support/deps";
import { fazhiTemplate } from "../../support/template";

const template = fazhiTemplate();

function imported(lines: readonly string[]): Report {
  const blocks = lines.map((text): SourceBlock => SourceBlock.parse({ type: "paragraph", text } satisfies SourceBlockInput));
  return buildImportedReport(recognizeReport(blocks, template), template, fixedDeps());
}

function report(sentence: string): Report {
  return imported(["2023年度某镇法治政府建设工作报告", "一、主要举措和成效", sentence, "某镇人民政府", "2024年1月17日"]);
}

function onlyField(r: Report): Field {
  const fields = Object.values(r.fields);
  expect(fields).toHaveLength(1);
  const [field] = fields;
  if (field === undefined) throw new Error("no field");
  return field;
}

function typed(field: Field, input: string): Field {
  const result = applyTypedValue(field, input);
  if (!result.ok) throw new Error(result.zh);
  return result.field;
}

const shown = (field: Field): string | undefined => fieldText({ fields: { [field.id]: field } }, field.id, "value");

describe("Chinese numbers", () => {
  it.each([
    ["1", "一"],
    ["2", "两"],
    ["10", "十"],
    ["12", "十二"],
    ["20", "二十"],
    ["32", "三十二"],
    ["105", "一百零五"],
    ["110", "一百一十"],
    ["1900", "一千九百"],
    ["2000", "两千"],
    ["10500", "一万零五百"],
    ["20000", "两万"],
    ["120000", "十二万"],
    ["100000000", "一亿"],
    ["2.6", "二点六"],
    ["0.5", "零点五"],
  ])("%s reads %s", (digits, chinese) => {
    expect(toChineseNumber(digits)).toBe(chinese);
    expect(parseChineseDecimal(chinese)).toBe(digits);
  });

  it("writes a leading 2 as the text wrote it", () => {
    expect(toChineseNumber("200", "二")).toBe("二百");
    expect(toChineseNumber("200", "两")).toBe("两百");
    expect(toChineseNumber("22", "两")).toBe("二十二");
  });
});

describe("a number keeps its written form", () => {
  it("typing 3 into a field written 两座 prints 三座", () => {
    const field = onlyField(report("新建两座卫星消防站。"));
    expect(shown(field)).toBe("两座");
    expect(shown(typed(field, "3"))).toBe("三座");
    expect(shown(typed(field, "12座"))).toBe("十二座");
  });

  it("keeps the spaces and the qualifier's place of the text", () => {
    const field = onlyField(report("全年受理审批事项超 36 万件。"));
    expect(field.written?.frame).toBe("超 # 万件");
    expect(shown(typed(field, "超40万"))).toBe("超 40 万件");
    const yu = onlyField(report("累计发放补助0.5万余元。"));
    expect(shown(yu)).toBe("0.5万余元");
    expect(shown(typed(yu, "0.8余"))).toBe("0.8万余元");
  });

  it("reads and rewrites 二点六万, 一千九百余, 百分之九十 and 近千", () => {
    const point = onlyField(report("检查企业、场所超二点六万家次。"));
    expect([point.value, point.scale, point.qualifier, shown(point)]).toEqual(["26000", "万", "超", "超二点六万家次"]);
    expect(shown(typed(point, "超3.1万"))).toBe("超三点一万家次");
    const yu = onlyField(report("全年调解纠纷一千九百余件。"));
    expect([yu.value, yu.qualifier, shown(typed(yu, "2100余"))]).toEqual(["1900", "余", "两千一百余件"]);
    const percent = onlyField(report("群众满意率达百分之九十。"));
    expect([percent.value, percent.unit, shown(typed(percent, "95"))]).toEqual(["90", "%", "百分之九十五"]);
    const bare = onlyField(report("参加人员近千人次。"));
    expect([bare.value, shown(bare), shown(typed(bare, "近2000"))]).toEqual(["1000", "近千人次", "近两千人次"]);
  });

  it("leaves ordinals, rates of recurrence and fixed terms as text", () => {
    const r = report(
      "第二、三批试点单位按期验收，第2、3批次已完成。镇党委每半年召开一次会议，市、区两级项目按时销号，全国“两会”期间开展检查。",
    );
    expect(Object.keys(r.fields)).toEqual([]);
  });

  it("prints a value its written scale cannot show unscaled, never as 0万, and check warns", () => {
    const field = onlyField(report("累计拆除各类违建超 7 万平方米。"));
    const small = typed(field, "202");
    expect(shown(small)).not.toMatch(/0\s*万/u);
    expect(shown(small)).toMatch(/^(超 ?)?202 ?平方米$/u);
    const r = { ...report("累计拆除各类违建超 7 万平方米。") };
    const withSmall = { ...r, fields: { [small.id]: small } };
    const scale = checkReport(withSmall, template, { today: "2024-01-20" }).filter((f) => f.id === "FIELD-SCALE");
    expect(scale).toHaveLength(1);
    expect(scale[0]?.severity).toBe("warning");
    expect(scale[0]?.message).toContain("0万平方米");
    expect(checkReport(r, template, { today: "2024-01-20" }).filter((f) => f.id === "FIELD-SCALE")).toEqual([]);
  });

  it("falls back to the default arrangement in the written numerals when the clerk changes the qualifier", () => {
    const field = onlyField(report("新建两座卫星消防站。"));
    expect(shown(typed(field, "约3"))).toBe("约三座");
  });

  it("a field saved before written forms existed loads and prints as before", () => {
    const old: FieldInput = {
      id: "f1",
      label: "受理",
      kind: "count",
      value: "360000",
      unit: "件",
      scale: "万",
      qualifier: "超",
      status: "confirmed",
    };
    const field = Field.parse(old);
    expect(field.written).toBeUndefined();
    expect(formatValue(field)).toBe("超36万件");
  });
});

describe("import never edits silently", () => {
  it("keeps a heading's final 。 and the 主送机关's colon; check offers the heading fix as a warning", () => {
    const r = imported([
      "某县司法局关于2023年度法治政府建设情况的报告",
      "县委、县政府：",
      "一、主要举措和成效。",
      "全年受理信访件590件。",
      "某县司法局",
      "2024年1月15日",
    ]);
    expect(r.meta.recipient).toBe("县委、县政府：");
    const findings = checkReport(r, template, { today: "2024-01-20" });
    expect(findings.filter((f) => f.id === "RCPT-01")).toEqual([]);
    const head = findings.filter((f) => f.id === "HEAD-01");
    expect(head).toHaveLength(1);
    expect(head[0]?.severity).toBe("warning");
    const fix = head[0]?.fix;
    if (fix === undefined) throw new Error("no fix");
    const fixed = applyFix(r, fix);
    expect(fixed.ok && JSON.stringify(fixed.report.body)).toContain('一、主要举措和成效"');
  });

  it("keeps spaces next to numbers; SPACE-01 warns and its fixes remove them, text and field alike", () => {
    let r = report("全年受理 590 件，同比增长17.48%。");
    const before = checkReport(r, template, { today: "2024-01-20" }).filter((f) => f.id === "SPACE-01");
    expect(before.map((f) => f.severity)).toEqual(["warning", "warning"]);
    for (const finding of before) {
      const fix = finding.fix;
      if (fix === undefined) throw new Error("no fix");
      const result = applyFix(r, fix);
      if (!result.ok) throw new Error(result.zh);
      r = result.report;
    }
    expect(checkReport(r, template, { today: "2024-01-20" }).filter((f) => f.id === "SPACE-01")).toEqual([]);
    const field = Object.values(r.fields).find((f) => f.value === "590");
    expect(field && shown(field)).toBe("590件");
  });

  it("lists each rejoined line in the import notices", () => {
    const blocks = [
      "2023年度某镇法治政府建设工作报告",
      "一、主要举措和成效",
      "镇党委、政府将法治建设工作纳入全镇经济社会发展总体规划，全镇上下形成了党委领导、人",
      "大监督、政府实施的工作格局。",
      "某镇人民政府",
      "2024年1月17日",
    ].map((text) => SourceBlock.parse({ type: "paragraph", text }));
    const recognized = recognizeReport(blocks, template);
    expect(recognized.notices.filter((n) => n.zh.includes("合为一段"))).toHaveLength(1);
    expect(recognized.notices[0]?.zh).toContain("党委领导、人");
  });
});
