import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import type { Finding } from "../../../core/checks/finding";
import { applyEdits } from "../../../core/edits/apply-edit";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { createReport } from "../../../core/model/create-report";
import type { BlockNode, ParagraphNode } from "../../../core/model/doc";
import type { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { xxgkTemplate } from "../../support/template";

const template = xxgkTemplate();
const deps = { now: fixedDeps().now, template };

/** A 2024 report: 12 requests received (自然人), everything else 0, and these paragraphs in 总体情况. */
function report(paragraphs: string[], meta: Partial<Report["meta"]> = {}): Report {
  const created = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
  const zeros = Object.values(created.fields)
    .filter((f) => f.formula === undefined)
    .map((f): ReportEdit => ({ type: "changeField", fieldId: f.id, input: "0" }));
  const filled = applyEdits(
    created,
    [
      ...zeros,
      { type: "changeField", fieldId: "t3.new.natural", input: "12" },
      { type: "changeField", fieldId: "t3.open.natural", input: "12" },
      { type: "changeField", fieldId: "t4.review.maintain", input: "2" },
    ],
    deps,
  );
  const text = (t: string): ParagraphNode => ({ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: t }] });
  const body = {
    ...filled.body,
    content: filled.body.content.map((node) => {
      if (node.type !== "part" || node.attrs.partId !== "overview") return node;
      const [heading, ...rest] = node.content;
      return { ...node, content: [heading, ...paragraphs.map(text), ...rest] as BlockNode[] };
    }),
  };
  return { ...filled, body, meta: { ...filled.meta, ...meta } };
}

const ruled = (r: Report, rule: string): Finding[] => checkReport(r, template, { today: "2025-01-10" }).filter((f) => f.rule === rule);

describe("R10: figures in the prose, in digits or Chinese numerals, equal the table", () => {
  it("reports 收到申请十件 against a table of 12, and accepts 十二件 and 12件", () => {
    const wrong = ruled(report(["2024年，本镇共收到政府信息公开申请十件，全部按期答复。"]), "R10");
    expect(wrong).toHaveLength(1);
    expect(wrong[0]?.message).toContain("写收到申请 10 件，表三“一、本年新收”总计为 12");
    expect(wrong[0]?.fields).toEqual(["t3.new.total"]);
    expect(ruled(report(["2024年，本镇共收到政府信息公开申请十二件。"]), "R10")).toEqual([]);
    expect(ruled(report(["2024年，本镇共收到政府信息公开申请12件。"]), "R10")).toEqual([]);
  });

  it("reads 两 and full-width digits too: 行政复议两起 matches 2, 行政复议３件 does not", () => {
    expect(ruled(report(["本年度发生政府信息公开行政复议两起。"]), "R10")).toEqual([]);
    const wrong = ruled(report(["本年度发生政府信息公开行政复议３件。"]), "R10");
    expect(wrong.map((f) => f.message)).toEqual([expect.stringContaining("写行政复议 3 件，表四“行政复议”总计为 2")]);
  });
});

describe("R11: one report year throughout", () => {
  it("accepts a 2024 report whose title, period, prose and 成文日期 agree", () => {
    const ok = report(["本报告统计期限为2024年1月1日至12月31日。", "二〇二四年，本镇扎实推进政务公开。"], { date: "2025-01-20" });
    expect(ruled(ok, "R11")).toEqual([]);
  });

  it("reports last year's period, an opening year in Chinese numerals, a wrong title year and a 成文日期 in the report year", () => {
    const bad = report(["本报告统计期限为2023年1月1日至2023年12月31日。", "二〇二三年，本镇扎实推进政务公开。"], {
      title: "木渎镇人民政府2023年政府信息公开工作年度报告",
      date: "2024-12-30",
    });
    const messages = ruled(bad, "R11").map((f) => f.message);
    expect(messages).toHaveLength(4);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("标题写“2023年”，报告年度为 2024年"),
        expect.stringContaining("统计期限写“2023年1月1日至2023年12月31日”，应为 2024年1月1日至12月31日"),
        expect.stringContaining("段落以“二〇二三年”开头"),
        expect.stringContaining("成文日期为 2024年12月30日，2024年度报告应在 2025年形成并公开"),
      ]),
    );
    expect(ruled(bad, "R11").every((f) => f.severity === "error")).toBe(true);
  });
});

describe("R12: the 成文日期 against the report's own deadline", () => {
  it("uses the template's 1月31日 until the unit sets its own date, and back when it is cleared", () => {
    const dated = report([], { date: "2025-01-25" });
    expect(ruled(dated, "R12")).toEqual([]);
    const local = applyEdits(dated, [{ type: "updateMeta", patch: { deadlines: { submit: "01-20", publish: "01-20" } } }], deps);
    expect(ruled(local, "R12").map((f) => f.message)).toEqual([expect.stringContaining("成文日期 2025年1月25日 晚于 2025年1月20日")]);
    const reset = applyEdits(local, [{ type: "updateMeta", patch: { deadlines: null } }], deps);
    expect(reset.meta.deadlines).toBeUndefined();
    expect(ruled(reset, "R12")).toEqual([]);
  });
});
