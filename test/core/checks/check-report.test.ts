import { describe, expect, it } from "vitest";
import { applyFix } from "../../../core/edits/apply-fix";
import { checkReport, hasErrors } from "../../../core/checks/check-report";
import { Finding } from "../../../core/checks/finding";
import { Report } from "../../../core/model/report";
import { fazhiTemplate } from "../../support/template";
import { atom, cleanReport, countField, rateField, text, withFields, withHeading, withParagraph } from "./crafted-report";

const template = fazhiTemplate();
const TODAY = "2025-01-20";

function check(report: Report, today = TODAY): Finding[] {
  return checkReport(report, template, { today });
}

/** The findings with one id, after checking that every finding is schema-valid. */
function found(report: Report, id: string, today = TODAY): Finding[] {
  const all = check(report, today);
  for (const f of all) expect(Finding.safeParse(f).success).toBe(true);
  return all.filter((f) => f.id === id);
}

function partIndex(report: Report, partId: string): number {
  return report.body.content.findIndex((n) => n.type === "part" && n.attrs.partId === partId);
}

describe("a clean report", () => {
  it("has no findings but the two deadlines and the 成文日期 still to be set (签发 fills it)", () => {
    const findings = check(cleanReport());
    expect(findings.map((f) => f.id)).toEqual(["DATE-EMPTY", "DEADLINE-SUBMIT", "DEADLINE-PUBLISH"]);
    expect(hasErrors(findings)).toBe(false);
  });
});

describe("statutory parts", () => {
  it("PART-MISSING: a required part left out", () => {
    const report = cleanReport();
    const body = { ...report.body, content: report.body.content.filter((n) => !(n.type === "part" && n.attrs.partId === "shortcomings")) };
    const [f, ...rest] = found(Report.parse({ ...report, body }), "PART-MISSING");
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: "error", location: { part: "shortcomings", path: null, fieldId: null } });
    expect(f?.message).toContain("存在的不足和原因");
  });

  it("PART-EMPTY: a part with only its heading", () => {
    const report = cleanReport();
    const i = partIndex(report, "nextYear");
    const content = report.body.content.map((n, k) =>
      k === i && n.type === "part" ? { ...n, content: [n.content[0], { type: "paragraph" }] } : n,
    );
    const [f] = found(Report.parse({ ...report, body: { type: "doc", content } }), "PART-EMPTY");
    expect(f).toMatchObject({ severity: "error", location: { part: "nextYear", path: ["body", "content", i] } });
  });

  it("PART-ORDER: parts out of the template's order, and PART-DUPLICATE", () => {
    const report = cleanReport();
    const [a, b, ...rest] = report.body.content;
    if (!a || !b) throw new Error("parts");
    const swapped = Report.parse({ ...report, body: { type: "doc", content: [b, a, ...rest] } });
    const [f] = found(swapped, "PART-ORDER");
    expect(f).toMatchObject({ severity: "warning", location: { part: "duty", path: ["body", "content", 1] } });
    const doubled = Report.parse({ ...report, body: { type: "doc", content: [...report.body.content, a] } });
    expect(found(doubled, "PART-DUPLICATE")[0]).toMatchObject({
      severity: "warning",
      location: { part: "duty", path: ["body", "content", 4] },
    });
  });
});

describe("fields", () => {
  it("FIELD-UNCONFIRMED and FIELD-EMPTY, located at the atom in the text", () => {
    let report = withFields(cleanReport(), countField("a", "9", null, { status: "unconfirmed" }), countField("b", null, null));
    const { report: r, path } = withParagraph(report, "measures", [text("完成"), atom("a"), text("，"), atom("b"), text("。")]);
    report = r;
    expect(found(report, "FIELD-UNCONFIRMED")).toEqual([
      expect.objectContaining({ severity: "error", location: { part: "measures", path: [...path, "content", 1], fieldId: "a" } }),
    ]);
    expect(found(report, "FIELD-EMPTY")).toEqual([
      expect.objectContaining({ severity: "error", location: { part: "measures", path: [...path, "content", 3], fieldId: "b" } }),
    ]);
  });

  it("FIELD-MISSING: an atom whose field does not exist", () => {
    const { report, path } = withParagraph(cleanReport(), "duty", [text("共"), atom("ghost"), text("。")]);
    expect(found(report, "FIELD-MISSING")).toEqual([
      expect.objectContaining({ severity: "error", location: { part: "duty", path: [...path, "content", 1], fieldId: null } }),
    ]);
  });

  it("YOY-MISSING: a YoY atom for a field without last year's value", () => {
    const { report, path } = withParagraph(withFields(cleanReport(), countField("a", "9", null)), "measures", [
      atom("a"),
      text("，"),
      atom("a", "yoy"),
    ]);
    expect(found(report, "YOY-MISSING")).toEqual([
      expect.objectContaining({ severity: "error", location: { part: "measures", path: [...path, "content", 2], fieldId: "a" } }),
    ]);
  });

  it("FIELD-SAME-AS-LAST-YEAR: a count equal to last year's (a stale copy); only info for a rate", () => {
    let report = withFields(cleanReport(), countField("a", "590", "590"), rateField("r", "100", "100"));
    report = withParagraph(report, "measures", [atom("a"), text("，"), atom("r"), text("。")]).report;
    const f = found(report, "FIELD-SAME-AS-LAST-YEAR");
    expect(f.map((x) => [x.location.fieldId, x.severity])).toEqual([
      ["a", "warning"],
      ["r", "info"],
    ]);
  });

  it("RATE-RANGE, COUNT-NEGATIVE, COUNT-FRACTION and FIELD-SWING", () => {
    let report = withFields(
      cleanReport(),
      rateField("r", "101.5", null),
      countField("n", "-3", null),
      countField("h", "2.5", null),
      countField("s", "43000", "4300"),
    );
    report = withParagraph(report, "measures", [atom("r"), atom("n"), atom("h"), atom("s")]).report;
    expect(found(report, "RATE-RANGE")).toEqual([
      expect.objectContaining({ severity: "error", location: expect.objectContaining({ fieldId: "r", part: "measures" }) }),
    ]);
    expect(found(report, "COUNT-NEGATIVE")).toEqual([
      expect.objectContaining({ severity: "error", location: expect.objectContaining({ fieldId: "n" }) }),
    ]);
    expect(found(report, "COUNT-FRACTION")).toEqual([
      expect.objectContaining({ severity: "warning", location: expect.objectContaining({ fieldId: "h" }) }),
    ]);
    expect(found(report, "FIELD-SWING")).toEqual([
      expect.objectContaining({ severity: "warning", location: expect.objectContaining({ fieldId: "s" }) }),
    ]);
  });

  it("FIELD-UNUSED: a field that no text shows", () => {
    const report = withFields(cleanReport(), countField("a", "1", null));
    expect(found(report, "FIELD-UNUSED")).toEqual([
      expect.objectContaining({ severity: "info", location: { part: null, path: ["fields", "a"], fieldId: "a" } }),
    ]);
  });

  it("TEXT-CARRIED: a paragraph carried from last year and not reviewed", () => {
    const { report, path } = withParagraph(cleanReport(), "shortcomings", [text("基层法治力量仍较薄弱。")], true);
    expect(found(report, "TEXT-CARRIED")).toEqual([
      expect.objectContaining({ severity: "warning", location: { part: "shortcomings", path, fieldId: null } }),
    ]);
  });
});

describe("growth and 百分点", () => {
  const base = () =>
    withFields(
      cleanReport(),
      countField("accepted", "400000", "360000", {
        scale: "万",
        qualifier: "超",
        lastYear: { value: "360000", unit: "件", scale: "万", qualifier: "超" },
      }),
    );

  it("GROWTH-MISMATCH: a bound growth field whose stated rate contradicts the values, with a fix", () => {
    let report = withFields(base(), {
      id: "g",
      label: "受理量增幅",
      kind: "growth",
      value: "17.48",
      unit: "%",
      decimals: 2,
      status: "confirmed",
      baseFieldId: "accepted",
    });
    const placed = withParagraph(report, "measures", [text("受理"), atom("accepted"), text("，同比增长"), atom("g"), text("。")]);
    report = placed.report;
    const [f] = found(report, "GROWTH-MISMATCH");
    expect(f).toMatchObject({
      severity: "error",
      location: { part: "measures", path: [...placed.path, "content", 3], fieldId: "g" },
      fix: { type: "setFieldValue", fieldId: "g", value: "11.11" },
    });
    if (!f?.fix) throw new Error("fix");
    const fixed = applyFix(report, f.fix);
    expect(fixed.ok && found(fixed.report, "GROWTH-MISMATCH")).toEqual([]);
    const right = withFields(report, {
      id: "g",
      label: "受理量增幅",
      kind: "growth",
      value: "11.11",
      unit: "%",
      decimals: 2,
      status: "confirmed",
      baseFieldId: "accepted",
    });
    expect(found(right, "GROWTH-MISMATCH")).toEqual([]);
  });

  it("GROWTH-MISMATCH in text: 同比增长17.48% typed after a field that grew 11.11%, fixable", () => {
    const { report, path } = withParagraph(base(), "measures", [text("受理"), atom("accepted"), text("，同比增长17.48%。")]);
    const [f] = found(report, "GROWTH-MISMATCH");
    expect(f).toMatchObject({ severity: "error", location: { part: "measures", path: [...path, "content", 2], fieldId: "accepted" } });
    expect(f?.fix).toMatchObject({ type: "replaceText", from: "17.48%", to: "11.11%", offset: 5 });
    const within = withParagraph(base(), "measures", [atom("accepted"), text("，同比增长11.1%。")]).report;
    expect(found(within, "GROWTH-MISMATCH")).toEqual([]);
  });

  it("GROWTH-MISMATCH for an unbound growth atom after the value it describes, as an import leaves it", () => {
    let report = withFields(base(), {
      id: "g",
      label: "受理量增幅",
      kind: "growth",
      value: "17.48",
      unit: "%",
      decimals: 2,
      status: "confirmed",
    });
    const placed = withParagraph(report, "measures", [atom("accepted"), text("，同比增长"), atom("g"), text("。")]);
    report = placed.report;
    const [f] = found(report, "GROWTH-MISMATCH");
    expect(f).toMatchObject({
      severity: "error",
      location: { part: "measures", path: [...placed.path, "content", 2], fieldId: "g" },
      fix: { type: "setFieldValue", fieldId: "g", value: "11.11" },
    });
    const falling = withParagraph(
      withFields(base(), { id: "g", label: "增幅", kind: "growth", value: "11.11", unit: "%", status: "confirmed" }),
      "measures",
      [atom("accepted"), text("，同比下降"), atom("g")],
    ).report;
    expect(found(falling, "GROWTH-DIRECTION")[0]).toMatchObject({ location: expect.objectContaining({ fieldId: "g" }) });
  });

  it("judges 同比增长 after a share against the count before it, as the seed report writes it", () => {
    const seed = (stated: string) => {
      let report = withFields(
        cleanReport(),
        countField("accepted", "360000", "306440", { scale: "万", qualifier: "超" }),
        rateField("share", "26", null, { kind: "ratio", decimals: 0, qualifier: "约" }),
      );
      report = withParagraph(report, "measures", [
        text("受理"),
        atom("accepted"),
        text("，占全区总量"),
        atom("share"),
        text(`，同比增长${stated}%。`),
      ]).report;
      return report;
    };
    expect(found(seed("17.48"), "GROWTH-MISMATCH")).toEqual([]);
    expect(found(seed("17.48"), "RATE-CHANGE-PERCENT")).toEqual([]);
    expect(found(seed("7.48"), "GROWTH-MISMATCH")[0]).toMatchObject({
      location: expect.objectContaining({ fieldId: "accepted" }),
      fix: { to: "17.48%" },
    });
    const rateOnly = withParagraph(withFields(cleanReport(), rateField("closed", "93.3", "92")), "measures", [
      atom("closed"),
      text("，同比增长5%。"),
    ]).report;
    expect(found(rateOnly, "RATE-CHANGE-PERCENT")[0]).toMatchObject({ severity: "warning" });
    expect(found(rateOnly, "RATE-CHANGE-PERCENT")[0]?.fix).toBeUndefined();
  });

  it("GROWTH-DIRECTION: 下降 written for a rise, in text and before a growth atom", () => {
    const { report, path } = withParagraph(base(), "measures", [atom("accepted"), text("，同比下降11.11%。")]);
    expect(found(report, "GROWTH-DIRECTION")).toEqual([
      expect.objectContaining({ severity: "error", location: { part: "measures", path: [...path, "content", 1], fieldId: "accepted" } }),
    ]);
    let withAtom = withFields(base(), {
      id: "g",
      label: "增幅",
      kind: "growth",
      value: "11.11",
      unit: "%",
      decimals: 2,
      status: "confirmed",
      baseFieldId: "accepted",
    });
    withAtom = withParagraph(withAtom, "measures", [atom("accepted"), text("，同比下降"), atom("g")]).report;
    expect(found(withAtom, "GROWTH-DIRECTION")).toHaveLength(1);
  });

  it("GROWTH-BASE-MISSING: a growth field bound to nothing", () => {
    let report = withFields(cleanReport(), {
      id: "g",
      label: "增幅",
      kind: "growth",
      value: "3",
      unit: "%",
      status: "confirmed",
      baseFieldId: "gone",
    });
    report = withParagraph(report, "measures", [atom("g")]).report;
    expect(found(report, "GROWTH-BASE-MISSING")[0]).toMatchObject({ severity: "error", location: { fieldId: "g" } });
  });

  it("RATE-CHANGE-PERCENT: a rate's change given in %, after a rate atom (fixable), by a growth field, or in plain text", () => {
    let report = withFields(cleanReport(), rateField("closed", "93.3", "92"));
    const placed = withParagraph(report, "measures", [text("结案率"), atom("closed"), text("，同比增长1.3%。")]);
    report = placed.report;
    const [f] = found(report, "RATE-CHANGE-PERCENT");
    expect(f).toMatchObject({
      severity: "error",
      location: { part: "measures", path: [...placed.path, "content", 2], fieldId: "closed" },
      fix: { to: "1.3个百分点" },
    });
    if (!f?.fix) throw new Error("fix");
    const fixed = applyFix(report, f.fix);
    expect(fixed.ok && found(fixed.report, "RATE-CHANGE-PERCENT")).toEqual([]);

    let bound = withFields(cleanReport(), rateField("closed", "93.3", "92"), {
      id: "g",
      label: "结案率增幅",
      kind: "growth",
      value: "1.41",
      unit: "%",
      status: "confirmed",
      baseFieldId: "closed",
    });
    bound = withParagraph(bound, "measures", [atom("closed"), atom("g")]).report;
    expect(found(bound, "RATE-CHANGE-PERCENT")).toEqual([
      expect.objectContaining({ severity: "error", location: expect.objectContaining({ fieldId: "g" }) }),
    ]);

    const typed = withParagraph(cleanReport(), "measures", [text("行政诉讼败诉率同比下降7%，办结率达93.3%，同比提高1.3%。")]);
    const heuristic = found(typed.report, "RATE-CHANGE-PERCENT");
    expect(heuristic.map((x) => x.severity)).toEqual(["warning", "warning"]);
    expect(heuristic[0]?.location).toEqual({ part: "measures", path: [...typed.path, "content", 0], fieldId: null });
    const fine = withParagraph(cleanReport(), "measures", [text("败诉率同比下降7.01个百分点，受理量同比增长5%。")]).report;
    expect(found(fine, "RATE-CHANGE-PERCENT")).toEqual([]);
  });
});

describe("years", () => {
  const opening = "2023年是全面贯彻落实党的二十大精神的开局之年，做好法治政府建设工作具有重大意义。";

  it("YEAR-STALE: flags 2023年是… in a 2024 report but not comparisons, spans or document names", () => {
    const { report, path } = withParagraph(cleanReport(), "duty", [
      text(
        `${opening}较2023年增加两项，2023年以来持续推进，与2023年同期相比有所提高，2021—2023年规划已完成，落实《2023年法治政府建设要点》。`,
      ),
    ]);
    const f = found(report, "YEAR-STALE");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", location: { part: "duty", path: [...path, "content", 0], fieldId: null } });
    expect(f[0]?.message).toContain("2023年是全面贯彻落实党的二十大精神的开局之年");
    expect(found(withParagraph(cleanReport(2023), "duty", [text(opening)]).report, "YEAR-STALE")).toEqual([]);
  });

  it("YEAR-STALE in a heading left from last year, and TITLE-YEAR", () => {
    const { report, path } = withHeading(cleanReport(), "measures", 2, "（七）2023年度重点工作推进情况");
    expect(found(report, "YEAR-STALE")[0]).toMatchObject({ location: { part: "measures", path: [...path, "content", 0] } });
    const stale = Report.parse({
      ...cleanReport(),
      meta: { ...cleanReport().meta, title: "2023年度吴中区木渎镇人民政府法治政府建设工作报告" },
    });
    expect(found(stale, "TITLE-YEAR")).toEqual([
      expect.objectContaining({ severity: "error", location: { part: null, path: ["meta", "title"], fieldId: null } }),
    ]);
  });
});

describe("numbers typed as text", () => {
  it("TEXT-NUMBER: suggests a field for 117处, 1900余件, 26%, but not years, quotes, ordinals or 百分点", () => {
    const { report, path } = withParagraph(cleanReport(), "measures", [
      text("拆除违规广告设施117处，调解纠纷1900余件，占全区总量约26%。2023年第3次会议通过“15分钟医保服务圈”，提高2个百分点。"),
    ]);
    const f = found(report, "TEXT-NUMBER");
    expect(f.map((x) => x.message.slice(1, x.message.indexOf("”")))).toEqual(["117处", "1900余件", "26%"]);
    expect(f[0]).toMatchObject({ severity: "info", location: { part: "measures", path: [...path, "content", 0] } });
  });
});

describe("GB/T 9704 lint", () => {
  it("NUM-01: a level-1 heading numbered 一. instead of 一、 (fixable), or not numbered", () => {
    const report = cleanReport();
    const i = partIndex(report, "duty");
    const body = JSON.parse(JSON.stringify(report.body)) as Report["body"];
    const part = body.content[i];
    if (part?.type !== "part" || part.content[0]?.type !== "heading") throw new Error("part");
    part.content[0].content = [text("一.党政主要负责人履行推进法治建设第一责任人职责情况")];
    const broken = Report.parse({ ...report, body });
    const [f] = found(broken, "NUM-01");
    expect(f).toMatchObject({
      severity: "error",
      location: { part: "duty", path: ["body", "content", i, "content", 0, "content", 0] },
      fix: { from: "一.", to: "一、" },
    });
    if (!f?.fix) throw new Error("fix");
    const fixed = applyFix(broken, f.fix);
    expect(fixed.ok && found(fixed.report, "NUM-01")).toEqual([]);
    part.content[0].content = [text("党政主要负责人履行推进法治建设第一责任人职责情况")];
    expect(found(Report.parse({ ...report, body }), "NUM-01")).toHaveLength(1);
  });

  it("NUM-02: (一) and （一）、 at level 2", () => {
    let report = withHeading(cleanReport(), "duty", 2, "(一)加强组织领导").report;
    report = withHeading(report, "duty", 2, "（二）、健全制度").report;
    expect(found(report, "NUM-02").map((f) => [f.severity, f.fix?.type === "replaceText" ? f.fix.to : null])).toEqual([
      ["error", "（一）"],
      ["error", "（二）"],
    ]);
  });

  it("NUM-03 and NUM-04: 1、 and (1) in run-in headings and paragraphs", () => {
    let report = withParagraph(cleanReport(), "duty", [
      { type: "text", text: "1、建立台账。", marks: [{ type: "runInHeading", attrs: { level: 3 } }] },
      text("逐项推进。"),
    ]).report;
    report = withParagraph(report, "duty", [text("(1)按月通报。")]).report;
    expect(found(report, "NUM-03")[0]).toMatchObject({ severity: "error", fix: { from: "1、", to: "1." } });
    expect(found(report, "NUM-04")[0]).toMatchObject({ severity: "error", fix: { from: "(1)", to: "（1）" } });
  });

  it("NUM-05: numbering gaps and repeats (一、二、四、), restarting under each parent", () => {
    const report = cleanReport();
    const i = partIndex(report, "nextYear");
    const body = JSON.parse(JSON.stringify(report.body)) as Report["body"];
    const part = body.content[i];
    if (part?.type !== "part" || part.content[0]?.type !== "heading") throw new Error("part");
    part.content[0].content = [text("五、2025年推进法治政府建设的主要安排")];
    const f = found(Report.parse({ ...report, body }), "NUM-05");
    expect(f).toEqual([expect.objectContaining({ severity: "error", location: expect.objectContaining({ part: "nextYear" }) })]);
    expect(f[0]?.message).toContain("四");
    let subs = withHeading(cleanReport(), "duty", 2, "（一）甲").report;
    subs = withHeading(subs, "duty", 2, "（一）乙").report;
    subs = withHeading(subs, "shortcomings", 2, "（一）丙").report;
    expect(found(subs, "NUM-05").map((x) => x.location.part)).toEqual(["duty"]);
  });

  it("HEAD-01: a standalone heading ending in 。; fixable", () => {
    const { report, path } = withHeading(cleanReport(), "duty", 2, "（一）加强组织领导。");
    const [f] = found(report, "HEAD-01");
    expect(f).toMatchObject({
      severity: "warning",
      location: { part: "duty", path: [...path, "content", 0] },
      fix: { from: "。", to: "" },
    });
    const runIn = withParagraph(cleanReport(), "duty", [
      { type: "text", text: "（一）加强组织领导。", marks: [{ type: "runInHeading", attrs: { level: 2 } }] },
      text("正文。"),
    ]).report;
    expect(found(runIn, "HEAD-01")).toEqual([]);
  });

  it("PUNC-01: half-width punctuation in Chinese text, not in numbers or Latin", () => {
    const { report, path } = withParagraph(cleanReport(), "duty", [
      text("召开会议,研究部署(专题)工作。会议9:30开始,共1,000人参加 (see: note)。"),
    ]);
    const f = found(report, "PUNC-01");
    expect(f.map((x) => (x.fix?.type === "replaceText" ? `${x.fix.from}${x.fix.offset}` : ""))).toEqual([",4", "(9", ")12", ",24"]);
    expect(f[0]).toMatchObject({ severity: "error", location: { part: "duty", path: [...path, "content", 0] } });
  });

  it("DATE-01: a 成文日期 line with leading zeros or in Chinese numerals", () => {
    let report = withParagraph(cleanReport(), "nextYear", [text("2025年01月07日")]).report;
    report = withParagraph(report, "nextYear", [text("二〇二五年一月十七日")]).report;
    report = withParagraph(report, "nextYear", [text("2025年1月17日")]).report;
    expect(found(report, "DATE-01").map((f) => [f.severity, f.fix?.type === "replaceText" ? f.fix.to : null])).toEqual([
      ["error", "2025年1月7日"],
      ["error", "2025年1月17日"],
    ]);
  });

  it("DATE-02: a 成文日期 in the wrong year or in the future", () => {
    const base = cleanReport();
    const wrongYear = Report.parse({ ...base, meta: { ...base.meta, date: "2023-01-17" } });
    expect(found(wrongYear, "DATE-02")[0]).toMatchObject({ severity: "warning", location: { path: ["meta", "date"] } });
    const future = Report.parse({ ...base, meta: { ...base.meta, date: "2025-02-10" } });
    expect(found(future, "DATE-02")).toHaveLength(1);
    expect(found(future, "DATE-02", "2025-02-11")).toHaveLength(0);
  });

  it("RCPT-01: 主送机关 ending with a half-width colon, fixable", () => {
    const base = cleanReport();
    const report = Report.parse({ ...base, meta: { ...base.meta, recipient: "吴中区人民政府:" } });
    const [f] = found(report, "RCPT-01");
    expect(f).toMatchObject({
      severity: "error",
      location: { part: null, path: ["meta", "recipient"], fieldId: null },
      fix: { type: "setRecipient", value: "吴中区人民政府：" },
    });
    if (!f?.fix) throw new Error("fix");
    const fixed = applyFix(report, f.fix);
    expect(fixed.ok && found(fixed.report, "RCPT-01")).toEqual([]);
  });
});

describe("deadlines relative to today", () => {
  it.each([
    ["2025-01-20", "还有 40 天", "还有 71 天"],
    ["2025-03-01", "今天（2025年3月1日）是报送期限", "还有 31 天"],
    ["2025-03-05", "已超过报送期限（2025年3月1日）4 天", "还有 27 天"],
  ])("on %s", (today, submit, publish) => {
    const f = check(cleanReport(), today);
    expect(f.find((x) => x.id === "DEADLINE-SUBMIT")).toMatchObject({
      severity: "info",
      location: { part: null, path: null, fieldId: null },
    });
    expect(f.find((x) => x.id === "DEADLINE-SUBMIT")?.message).toContain(submit);
    expect(f.find((x) => x.id === "DEADLINE-PUBLISH")?.message).toContain(publish);
  });
});

describe("a report rolled forward from last year", () => {
  it("reports the unconfirmed carried fields, the carried text and the stale opening year", () => {
    let report = withFields(
      cleanReport(),
      countField("accepted", "360000", "360000", { status: "unconfirmed", scale: "万", qualifier: "超" }),
      rateField("closed", "93.26", "93.26", { status: "unconfirmed" }),
    );
    const body = JSON.parse(JSON.stringify(report.body)) as Report["body"];
    body.content.unshift({
      type: "paragraph",
      attrs: { carried: true },
      content: [text("2023年是全面贯彻落实党的二十大精神的开局之年，做好法治政府建设工作具有重大意义。")],
    });
    report = Report.parse({ ...report, body });
    report = withParagraph(report, "measures", [text("受理"), atom("accepted"), text("，结案率"), atom("closed"), text("。")], true).report;
    const findings = check(report);
    expect(findings.filter((f) => f.id === "FIELD-UNCONFIRMED").map((f) => f.location.fieldId)).toEqual(["accepted", "closed"]);
    expect(findings.filter((f) => f.id === "YEAR-STALE")).toEqual([
      expect.objectContaining({ location: { part: null, path: ["body", "content", 0, "content", 0], fieldId: null } }),
    ]);
    expect(findings.filter((f) => f.id === "TEXT-CARRIED")).toHaveLength(2);
    expect(findings.filter((f) => f.id === "FIELD-SAME-AS-LAST-YEAR")).toHaveLength(2);
    expect(hasErrors(findings)).toBe(true);
    expect(findings[0]?.severity).toBe("error");
  });
});
