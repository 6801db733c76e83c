import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import type { Finding } from "../../../core/checks/finding";
import { applyEdits } from "../../../core/edits/apply-edit";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { createReport } from "../../../core/model/create-report";
import type { PartNode, TableNode } from "../../../core/model/doc";
import type { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { thrownBy } from "../../support/error-code";
import { parseTemplate } from "../../../core/model/parse-template";
import { readTemplateJson, XXGK_TEMPLATE_ID, xxgkTemplate } from "../../support/template";

const template = xxgkTemplate();
const deps = { now: fixedDeps().now, template };
const fresh = (): Report => createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
const edit = (report: Report, edits: ReportEdit[]): Report => applyEdits(report, edits, deps);
const set = (values: Record<string, string>): ReportEdit[] =>
  Object.entries(values).map(([fieldId, input]): ReportEdit => ({ type: "changeField", fieldId, input }));
const check = (report: Report): Finding[] => checkReport(report, template, { today: "2025-01-10" });

// The format's labels, typed here from 国办公开办函〔2021〕30号's annex (not read from the template).
const APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
const COLUMNS = ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"];
const T3_ROW_LABELS = [
  "一、本年新收政府信息公开申请数量",
  "二、上年结转政府信息公开申请数量",
  "三、本年度办理结果",
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开",
  "1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "（四）无法提供",
  "1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "（五）不予处理",
  "1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
  "（六）其他处理",
  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
  "3.其他",
  "（七）总计",
  "四、结转下年度继续办理",
];
const T3_INPUT_ROWS = [
  "new",
  "carry_in",
  ...["open", "partial"],
  ...["secret", "law", "safety", "third", "internal", "process", "case", "query"].map((s) => `deny_${s}`),
  ...["nohold", "create", "unclear"].map((s) => `unable_${s}`),
  ...["petition", "repeat", "pub", "mass", "confirm"].map((s) => `noproc_${s}`),
  ...["nocorrect", "nofee", "other"].map((s) => `other_${s}`),
  "carry_out",
];

function tables(report: Report): Map<string, TableNode> {
  const found = new Map<string, TableNode>();
  for (const node of report.body.content) {
    if (node.type !== "part") continue;
    for (const block of node.content) if (block.type === "table" && node.attrs.partId !== null) found.set(node.attrs.partId, block);
  }
  return found;
}

/** Each cell as [text or "=fieldId", colspan, rowspan]. */
function cells(table: TableNode): [string, number, number][][] {
  return table.content.map((row) =>
    row.content.map((cell): [string, number, number] => {
      const inline = cell.content[0]?.content?.[0];
      const text = inline?.type === "text" ? inline.text : inline?.type === "reportField" ? `=${inline.attrs.fieldId}` : "";
      return [text, cell.attrs.colspan, cell.attrs.rowspan];
    }),
  );
}

const texts = (table: TableNode): string[] =>
  cells(table)
    .flat()
    .map(([t]) => t)
    .filter((t) => !t.startsWith("="));

/** Every input of table 三 filled with 0, then `values`. */
function zeroTable3(report: Report, values: Record<string, string>): Report {
  const zeros = Object.fromEntries(T3_INPUT_ROWS.flatMap((r) => COLUMNS.slice(0, 6).map((c) => [`t3.${r}.${c}`, "0"])));
  return edit(report, set({ ...zeros, ...values }));
}

describe("政府信息公开工作年度报告: a new report", () => {
  it("has the title pattern, the six parts in order, no 落款 and the 1月31日 deadline", () => {
    const report = fresh();
    expect(report.meta.title).toBe("木渎镇人民政府2024年政府信息公开工作年度报告");
    expect(report.meta.signatureBlock).toBe(false);
    const headings = report.body.content.map((n) => {
      const first = n.type === "part" ? n.content[0] : undefined;
      return first?.type === "heading" && first.content?.[0]?.type === "text" ? first.content[0].text : null;
    });
    expect(headings).toEqual([
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
      "五、存在的主要问题及改进情况",
      "六、其他需要报告的事项",
    ]);
    expect(template.deadlines).toEqual({ submit: "01-31", publish: "01-31" });
    const deadline = check(report).find((f) => f.id === "DEADLINE-PUBLISH");
    expect(deadline?.message).toContain("2025年1月31日");
    const local = check({ ...report, meta: { ...report.meta, deadlines: { submit: "01-20", publish: "01-20" } } });
    expect(local.find((f) => f.id === "DEADLINE-PUBLISH")?.message).toContain("2025年1月20日");
    // The opening 编制说明 is offered, not imposed.
    expect(template.opening?.guidance).toContain("统计期限");
    const withOpening = createReport(template, { org: "木渎镇人民政府", year: 2024, includeOptional: true }, fixedDeps());
    expect(withOpening.body.content[0]?.type).toBe("paragraph");
  });

  it("has table 二 with its four blocks and merged 本年处理决定数量 cells", () => {
    const t2 = tables(fresh()).get("proactive");
    expect(t2).toBeDefined();
    const grid = cells(t2 as TableNode);
    expect(grid.map((row) => row.map(([t, c, r]) => (c === 1 && r === 1 ? t : `${t}|${c}x${r}`)))).toEqual([
      ["第二十条第（一）项|4x1"],
      ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "=t2.reg.made", "=t2.reg.repealed", "=t2.reg.valid"],
      ["行政规范性文件", "=t2.nds.made", "=t2.nds.repealed", "=t2.nds.valid"],
      ["第二十条第（五）项|4x1"],
      ["信息内容", "本年处理决定数量|3x1"],
      ["行政许可", "=t2.lic.decisions|3x1"],
      ["第二十条第（六）项|4x1"],
      ["信息内容", "本年处理决定数量|3x1"],
      ["行政处罚", "=t2.pen.decisions|3x1"],
      ["行政强制", "=t2.coe.decisions|3x1"],
      ["第二十条第（八）项|4x1"],
      ["信息内容", "本年收费金额（单位：万元）|3x1"],
      ["行政事业性收费", "=t2.fee.amount_wan|3x1"],
    ]);
    const fee = fresh().fields["t2.fee.amount_wan"];
    expect(fee).toMatchObject({ kind: "amount", unit: "万元", constraints: { min: "0", maxDecimals: 2 } });
  });

  it("has table 三 with the corner note, the 申请人情况 header tree and every row label of the format", () => {
    const t3 = tables(fresh()).get("requests") as TableNode;
    const grid = cells(t3);
    expect(grid[0]).toEqual([
      ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3],
      ["申请人情况", 7, 1],
    ]);
    expect(grid[1]).toEqual([
      ["自然人", 1, 2],
      ["法人或其他组织", 5, 1],
      ["总计", 1, 2],
    ]);
    expect(grid[2]?.map(([t]) => t)).toEqual(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    expect(texts(t3).slice(10)).toEqual(T3_ROW_LABELS);
    const byLabel = new Map(grid.flat().map(([t, c, r]) => [t, [c, r]]));
    expect(byLabel.get("三、本年度办理结果")).toEqual([1, 22]);
    expect(byLabel.get("（三）不予公开")).toEqual([1, 8]);
    expect(byLabel.get("（四）无法提供")).toEqual([1, 3]);
    expect(byLabel.get("（五）不予处理")).toEqual([1, 5]);
    expect(byLabel.get("（六）其他处理")).toEqual([1, 3]);
    expect(byLabel.get("（七）总计")).toEqual([2, 1]);
    expect(byLabel.get("一、本年新收政府信息公开申请数量")).toEqual([3, 1]);
    // 25 rows of numbers × 7 columns, each a field with the stable id.
    const ids = grid.flat().flatMap(([t]) => (t.startsWith("=") ? [t.slice(1)] : []));
    expect(ids).toHaveLength(25 * 7);
    expect(ids.slice(0, 7)).toEqual(COLUMNS.map((c) => `t3.new.${c}`));
    expect(ids).toContain("t3.carry_out.natural");
    expect(ids).toContain("t3.result_total.total");
    expect(APPLICANTS.every((a) => texts(t3).includes(a))).toBe(true);
  });

  it("has table 四 with 行政复议 over 5 columns and 行政诉讼 over 10, in two groups", () => {
    const t4 = tables(fresh()).get("appeals") as TableNode;
    const grid = cells(t4);
    const results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    expect(grid[0]).toEqual([
      ["行政复议", 5, 1],
      ["行政诉讼", 10, 1],
    ]);
    expect(grid[1]).toEqual([...results.map((r): [string, number, number] => [r, 1, 2]), ["未经复议直接起诉", 5, 1], ["复议后起诉", 5, 1]]);
    expect(grid[2]?.map(([t]) => t)).toEqual([...results, ...results]);
    expect(grid[3]?.map(([t]) => t)).toEqual(
      ["review", "lit_direct", "lit_after"].flatMap((g) =>
        ["maintain", "correct", "other", "pending", "total"].map((c) => `=t4.${g}.${c}`),
      ),
    );
  });

  it("marks the derived cells as computed: the 总计 column, （七）总计 and table 四's totals", () => {
    const fields = Object.values(fresh().fields);
    expect(fields).toHaveLength(10 + 175 + 15);
    const computed = fields.filter((f) => f.formula !== undefined).map((f) => f.id);
    expect(computed).toHaveLength(25 + 6 + 3);
    expect(computed).toEqual(
      expect.arrayContaining(["t3.new.total", "t3.result_total.natural", "t3.result_total.total", "t4.review.total"]),
    );
    expect(computed.some((id) => id.startsWith("t2."))).toBe(false);
  });
});

describe("tables and rules in a template are validated when it loads", () => {
  type Raw = { tables: { rows: { colspan?: number; field?: string; sumOf?: string[] }[][] }[]; rules: { left?: { terms: string[] } }[] };
  const broken = (change: (raw: Raw) => void): string => {
    const raw = readTemplateJson(XXGK_TEMPLATE_ID) as Raw;
    change(raw);
    return thrownBy(() => parseTemplate(raw, "templates/x/template.json")).zh;
  };

  it("refuses merged cells that do not make a rectangle, unknown cells and circular totals", () => {
    expect(
      broken((raw) => {
        raw.tables[1]!.rows[0]![1]!.colspan = 6;
      }),
    ).toContain("与第 1 行的 9 列不一致");
    expect(
      broken((raw) => {
        raw.rules[0]!.left!.terms.push("t3.nothing.{c}");
      }),
    ).toContain("规则 R1 引用了不存在的单元格 t3.nothing.natural");
    expect(
      broken((raw) => {
        const cell = raw.tables[1]!.rows[3]!.find((c) => c.field === "t3.new.natural")!;
        cell.sumOf = ["t3.new.total"];
      }),
    ).toContain("合计循环引用");
  });
});

describe("政府信息公开工作年度报告: cells", () => {
  it("computes totals from their inputs, blanks as 0, and follows every change", () => {
    let report = edit(fresh(), set({ "t3.new.natural": "3", "t3.new.legal": "4" }));
    expect(report.fields["t3.new.total"]?.value).toBe("7");
    expect(report.fields["t3.carry_in.total"]?.value).toBeNull();
    report = edit(report, set({ "t3.new.legal": "1", "t3.open.natural": "2", "t3.deny_secret.natural": "1", "t3.other_other.legal": "5" }));
    expect(report.fields["t3.new.total"]?.value).toBe("4");
    expect(report.fields["t3.result_total.natural"]?.value).toBe("3");
    expect(report.fields["t3.result_total.total"]?.value).toBe("8");
    expect(report.fields["t3.other_other.total"]?.value).toBe("5");
    report = edit(report, set({ "t3.open.natural": "" }));
    expect(report.fields["t3.result_total.natural"]?.value).toBe("1");
    report = edit(report, set({ "t4.review.maintain": "1", "t4.review.pending": "2" }));
    expect(report.fields["t4.review.total"]?.value).toBe("3");
  });

  it("keeps a printed total that disagrees with its inputs until one of them changes, so check reports it", () => {
    const filled = edit(fresh(), set({ "t3.new.natural": "3", "t3.new.legal": "4" }));
    const total = filled.fields["t3.new.total"];
    if (total === undefined) throw new Error("no t3.new.total");
    // As imported from last year's published table: the printed 总计 is 9, the inputs add up to 7.
    const imported: Report = { ...filled, fields: { ...filled.fields, "t3.new.total": { ...total, value: "9" } } };
    const elsewhere = edit(imported, set({ "t4.review.maintain": "1" }));
    expect(elsewhere.fields["t3.new.total"]?.value).toBe("9");
    expect(check(elsewhere).some((f) => f.fields?.includes("t3.new.total") === true)).toBe(true);
    expect(edit(elsewhere, set({ "t3.new.legal": "5" })).fields["t3.new.total"]?.value).toBe("8");
  });

  it("confirms a total once all its inputs are confirmed, and refuses typing into it", () => {
    const zeros = Object.fromEntries(
      ["natural", "commercial", "research", "nonprofit", "legal", "other_org"].map((c) => [`t3.new.${c}`, "0"]),
    );
    let report = edit(fresh(), set(zeros));
    expect(report.fields["t3.new.total"]).toMatchObject({ value: "0", status: "unconfirmed" });
    report = edit(
      report,
      Object.keys(zeros).map((fieldId): ReportEdit => ({ type: "changeField", fieldId, confirm: true })),
    );
    expect(report.fields["t3.new.total"]?.status).toBe("confirmed");
    expect(thrownBy(() => edit(report, set({ "t3.new.total": "3" }))).zh).toContain("是合计，由各项数字自动计算");
    expect(thrownBy(() => edit(report, [{ type: "changeField", fieldId: "t3.new.total", confirm: true }])).zh).toContain(
      "不能直接填写或确认",
    );
  });

  it("takes whole numbers ≥ 0, and the fee in 万元 with at most two decimals, refusing the rest in Chinese", () => {
    const report = fresh();
    expect(thrownBy(() => edit(report, set({ "t3.new.natural": "1.5" }))).zh).toMatch(/t3\.new\.natural.*须为整数/);
    expect(thrownBy(() => edit(report, set({ "t3.new.natural": "-2" }))).zh).toContain("不能为负数");
    expect(thrownBy(() => edit(report, set({ "t3.new.natural": "约3" }))).zh).toContain("须填写确数");
    expect(thrownBy(() => edit(report, set({ "t3.new.natural": "三件半" }))).zh).not.toBe("");
    expect(thrownBy(() => edit(report, set({ "t2.fee.amount_wan": "1.234" }))).zh).toContain("最多保留 2 位小数（单位：万元）");
    const fee = edit(report, set({ "t2.fee.amount_wan": "1.50", "t3.new.natural": "1万" })).fields;
    expect(fee["t2.fee.amount_wan"]).toMatchObject({ value: "1.5", decimals: 2 });
    expect(fee["t3.new.natural"]).toMatchObject({ value: "10000", scale: "none" });
  });
});

describe("政府信息公开工作年度报告: rules as data", () => {
  const ruleFindings = (report: Report, rule: string) => check(report).filter((f) => f.rule === rule);

  it("R1: 本年新收 10, 办理结果 0, 结转 0 is an error naming the rule, the cells and the numbers", () => {
    const report = zeroTable3(fresh(), { "t3.new.natural": "10" });
    const r1 = ruleFindings(report, "R1");
    expect(r1.map((f) => f.message)).toEqual([expect.stringContaining("表三“自然人”列"), expect.stringContaining("表三“总计”列")]);
    expect(r1[0]).toMatchObject({ id: "RULE-R1", severity: "error", rule: "R1" });
    expect(r1[0]?.message).toContain("一+二=10，三（七）+四=0，相差10");
    expect(r1[0]?.fields).toEqual(["t3.new.natural", "t3.carry_in.natural", "t3.result_total.natural", "t3.carry_out.natural"]);
    expect(r1[0]?.location).toMatchObject({ part: "requests", fieldId: "t3.new.natural" });
    // R9 too: nothing is carried out, so it holds; once the numbers balance R1 is silent.
    expect(ruleFindings(report, "R9")).toEqual([]);
    expect(
      ruleFindings(zeroTable3(fresh(), { "t3.new.natural": "10", "t3.open.natural": "7", "t3.carry_out.natural": "3" }), "R1"),
    ).toEqual([]);
  });

  it("R1 counts a blank cell as 0 and says so", () => {
    const r1 = ruleFindings(edit(fresh(), set({ "t3.new.natural": "12", "t3.open.natural": "10" })), "R1")[0];
    expect(r1?.message).toContain("一+二=12，三（七）+四=10，相差2（其中 2 个单元格未填写，按 0 计算）");
    const blank = check(fresh()).filter((f) => f.id === "TABLE-BLANK");
    expect(blank.map((f) => f.fields?.length)).toEqual([10, 144, 12]);
  });

  it("R9 and R14: more carried out than there was, and results without any request", () => {
    const report = zeroTable3(fresh(), { "t3.carry_out.research": "2" });
    expect(ruleFindings(report, "R9")[0]?.message).toContain("四、结转下年度=2，大于一+二=0");
    expect(ruleFindings(report, "R14")[0]?.message).toContain("办理结果与结转之和=2，应为=0，相差2");
  });

  it("R4 and R6 compare with last year's values when the report has them (warnings)", () => {
    const report = zeroTable3(fresh(), { "t3.carry_in.natural": "1", "t3.open.natural": "1" });
    const withLastYear: Report = {
      ...report,
      fields: {
        ...report.fields,
        "t3.carry_out.natural": {
          ...report.fields["t3.carry_out.natural"]!,
          lastYear: { value: "3", unit: "件", scale: "none", qualifier: "none" },
        },
        "t2.nds.valid": { ...report.fields["t2.nds.valid"]!, lastYear: { value: "30", unit: "件", scale: "none", qualifier: "none" } },
      },
    };
    expect(ruleFindings(report, "R4")).toEqual([]);
    const r4 = ruleFindings(withLastYear, "R4");
    expect(r4).toHaveLength(1);
    expect(r4[0]).toMatchObject({ severity: "warning", fields: ["t3.carry_in.natural"] });
    expect(r4[0]?.message).toContain("本年上年结转=1，上年结转下年度=3，相差2");
    const r6 = ruleFindings(edit(withLastYear, set({ "t2.nds.made": "4", "t2.nds.repealed": "1", "t2.nds.valid": "32" })), "R6");
    expect(r6[0]?.message).toContain("现行有效=32，上年现行有效+制发−废止=33，相差1");
  });

  it("R5 and R7: table 四's totals are sums, and a town makes no 规章", () => {
    expect(ruleFindings(edit(fresh(), set({ "t2.reg.valid": "6" })), "R7")[0]?.message).toContain("规章三栏之和=6");
    expect(ruleFindings(edit(fresh(), set({ "t4.lit_after.correct": "2" })), "R5")).toEqual([]);
  });

  it("R10: a figure in the prose that differs from the table", () => {
    const report = zeroTable3(fresh(), { "t3.new.natural": "12", "t3.open.natural": "12" });
    const written = withParagraph(report, "overview", "2024年，本镇共收到政府信息公开申请10件，已全部办结。");
    const r10 = ruleFindings(written, "R10");
    expect(r10).toHaveLength(1);
    expect(r10[0]?.message).toContain("正文“收到政府信息公开申请10件”写收到申请 10 件，表三“一、本年新收”总计为 12");
    expect(r10[0]?.location.part).toBe("overview");
    expect(ruleFindings(withParagraph(report, "overview", "本镇共收到政府信息公开申请12件。"), "R10")).toEqual([]);
  });

  it("R13: a request dropped for an unpaid fee needs the fee notices in part 六", () => {
    const report = zeroTable3(fresh(), { "t3.new.natural": "1", "t3.other_nofee.natural": "1" });
    expect(ruleFindings(report, "R13")[0]?.message).toContain("逾期未缴费（总计）为 1");
    expect(ruleFindings(withParagraph(report, "other", "本年度发出收费通知1件，金额0.01万元，未实际收取。"), "R13")).toEqual([]);
  });

  it("R8 and R12: a stored value outside its constraints, a 成文日期 after the deadline", () => {
    const report = fresh();
    const hand: Report = {
      ...report,
      meta: { ...report.meta, date: "2025-02-03" },
      fields: { ...report.fields, "t3.new.natural": { ...report.fields["t3.new.natural"]!, value: "2.5" } },
    };
    expect(ruleFindings(hand, "R8")[0]?.message).toContain("“本年新收政府信息公开申请数量（自然人）”为 2.5，须为整数");
    expect(ruleFindings(hand, "R12")[0]?.message).toContain("成文日期 2025年2月3日 晚于 2025年1月31日");
    expect(ruleFindings({ ...hand, meta: { ...hand.meta, deadlines: { submit: "02-10", publish: "02-10" } } }, "R12")).toEqual([]);
  });
});

function withParagraph(report: Report, partId: string, text: string): Report {
  return {
    ...report,
    body: {
      ...report.body,
      content: report.body.content.map((node) =>
        node.type === "part" && node.attrs.partId === partId
          ? ({
              ...node,
              content: [...node.content, { type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text }] }],
            } as PartNode)
          : node,
      ),
    },
  };
}
