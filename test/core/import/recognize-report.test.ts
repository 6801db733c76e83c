import { describe, expect, it } from "vitest";
import { matchPart } from "../../../core/import/match-part";
import { recognizeReport } from "../../../core/import/recognize-report";
import { SourceBlock, type SourceBlockInput, type SourceRun } from "../../../core/import/source-block";
import type { ParagraphNode } from "../../../core/model/doc";
import { fazhiTemplate } from "../../support/template";

const template = fazhiTemplate();
const fromLines = (text: string) =>
  recognizeReport(
    text.split("\n").map((line) => SourceBlock.parse({ type: "paragraph", text: line })),
    template,
  );
const levels = (r: ReturnType<typeof fromLines>) => r.headings.map((h) => [h.level, h.text, h.part]);

describe("recognition of structure", () => {
  it("reads a two-line title, the 主送机关, run-in headings and a 成文日期 in Chinese numerals", () => {
    const r = fromLines(
      [
        "某县司法局关于2023年度",
        "法治政府建设情况的报告",
        "县委、县政府：",
        "2023年，我局坚持依法行政。现报告如下：",
        "一、2023年推进法治政府建设的主要举措和成效",
        "（一）加强组织领导。局党组专题研究法治工作6次。",
        "（二）规范执法行为：开展案卷评查2次，一是完善制度，二是强化监督。",
        "二、存在的不足和原因",
        "一是宣传不够深入；二是队伍力量不足。",
        "三、2024年工作安排",
        "继续推进法治政府建设。",
        "某县司法局",
        "二〇二四年一月十五日",
      ].join("\n"),
    );
    expect(r.title).toBe("某县司法局关于2023年度法治政府建设情况的报告");
    expect(r.recipient).toBe("县委、县政府：");
    expect(r.org).toBe("某县司法局");
    expect(r.date).toBe("2024-01-15");
    expect(r.reportYear).toBe(2023);
    expect(levels(r)).toEqual([
      [1, "一、2023年推进法治政府建设的主要举措和成效", "measures"],
      [2, "（一）加强组织领导", "measures"],
      [2, "（二）规范执法行为", "measures"],
      [1, "二、存在的不足和原因", "shortcomings"],
      [1, "三、2024年工作安排", "nextYear"],
    ]);
    const part = r.body.content[1];
    const runIn = part?.type === "part" ? (part.content[1] as ParagraphNode) : null;
    expect(runIn?.content?.[0]).toEqual({
      type: "text",
      text: "（一）加强组织领导。",
      marks: [{ type: "runInHeading", attrs: { level: 2 } }],
    });
    expect(r.fields.map((f) => f.value)).toEqual(["6", "2"]);
  });

  it("handles a report pasted without a title, with half-width punctuation and lines broken mid-sentence", () => {
    const r = fromLines(
      [
        "2023年,某街道深入推进法治建设,现将有关情况报告如下:",
        "一、主要做法和成效",
        "(一)优化政务服务,提升服务水平。全年办理政务服务事项2.3万件,群众满意率",
        "98.2%。新增市场主体1580户。",
        "二、存在的问题和不足",
        "基层法治力量相对薄弱,社区法律顾问服务时间",
        "有限。",
        "三、下一步工作打算",
        "加强法治教育培训。",
        "某街道办事处",
        "2024年2月1日",
      ].join("\n"),
    );
    expect(r.title).toBeNull();
    expect(r.org).toBe("某街道办事处");
    expect(r.reportYear).toBe(2023);
    expect(levels(r).map(([level, , part]) => [level, part])).toEqual([
      [1, "measures"],
      [2, "measures"],
      [1, "shortcomings"],
      [1, "nextYear"],
    ]);
    expect(r.fields.find((f) => f.value === "98.2")?.text).toBe("群众满意率98.2%");
    const shortcomings = r.body.content[1];
    expect(shortcomings?.type === "part" ? shortcomings.content.length : 0).toBe(2);
  });

  it("keeps 一是 leads inside paragraphs, but takes stand-alone ones as the level under 一、", () => {
    const r = fromLines(
      [
        "一、工作开展情况",
        "一是加强组织领导",
        "成立领导小组。",
        "二是严格规范执法",
        "查处案件218件。",
        "二、下一步工作打算",
        "一是加强培训。二是深化普法。",
      ].join("\n"),
    );
    expect(levels(r)).toEqual([
      [1, "一、工作开展情况", "measures"],
      [2, "一是加强组织领导", "measures"],
      [2, "二是严格规范执法", "measures"],
      [1, "二、下一步工作打算", "nextYear"],
    ]);
  });

  it("ranks 1. under 一、 when a report skips （一）, and splits a run-in level-1 heading", () => {
    const r = fromLines(
      ["一、加强组织领导。镇党委召开专题会议3次。", "1.健全制度", "2.强化考核。将法治建设纳入考核。", "二、存在的不足", "宣传不够。"].join(
        "\n",
      ),
    );
    expect(levels(r)).toEqual([
      [1, "一、加强组织领导", "measures"],
      [2, "1.健全制度", "measures"],
      [2, "2.强化考核", "measures"],
      [1, "二、存在的不足", "shortcomings"],
    ]);
    const first = r.body.content[0];
    expect(first?.type === "part" ? first.content[1]?.type : null).toBe("paragraph");
  });

  it("finds unnumbered headings by their run font in a direct-formatted Word file", () => {
    const run = (text: string, font: string, bold = false): SourceRun => ({ text, font, size: 16, bold });
    const p = (text: string, font: string, extra: Partial<SourceBlockInput> = {}): SourceBlock =>
      SourceBlock.parse({ type: "paragraph", text, runs: [run(text, font)], ...extra });
    const body = "全年共办理各类行政执法案件120件，办结率百分之百，群众满意度持续提升，法治建设取得新成效。";
    const r = recognizeReport(
      [
        p("2023年度某镇法治政府建设情况报告", "方正小标宋简体", { align: "center" }),
        p("主要举措和成效", "黑体"),
        p("规范行政执法", "楷体_GB2312"),
        p(body, "仿宋_GB2312"),
        p("存在的不足", "黑体"),
        p(body, "仿宋_GB2312"),
      ],
      template,
    );
    expect(r.title).toBe("2023年度某镇法治政府建设情况报告");
    expect(r.org).toBe("某镇");
    expect(levels(r)).toEqual([
      [1, "主要举措和成效", "measures"],
      [2, "规范行政执法", "measures"],
      [1, "存在的不足", "shortcomings"],
    ]);
  });

  it("uses Word outline levels and heading styles when there is no numbering", () => {
    const r = recognizeReport(
      [
        SourceBlock.parse({ type: "paragraph", text: "履行推进法治建设第一责任人职责情况", outlineLevel: 0 }),
        SourceBlock.parse({ type: "paragraph", text: "主要负责人带头学法。" }),
        SourceBlock.parse({ type: "paragraph", text: "下一步工作计划", styleName: "heading 1" }),
        SourceBlock.parse({ type: "paragraph", text: "继续推进。" }),
      ],
      template,
    );
    expect(levels(r)).toEqual([
      [1, "履行推进法治建设第一责任人职责情况", "duty"],
      [1, "下一步工作计划", "nextYear"],
    ]);
  });

  it("imports tables as tables with their numbers as fields", () => {
    const r = recognizeReport(
      [
        SourceBlock.parse({ type: "paragraph", text: "一、工作成效" }),
        SourceBlock.parse({
          type: "table",
          rows: [
            ["指标", "数量"],
            ["法律咨询", "1320人次"],
          ],
        }),
      ],
      template,
    );
    const part = r.body.content[0];
    expect(part?.type === "part" ? part.content[1]?.type : null).toBe("table");
    expect(r.fields.map((f) => [f.value, f.unit, f.label])).toEqual([["1320", "人次", "法律咨询"]]);
  });
});

describe("mapping level-1 headings to statutory parts", () => {
  it.each([
    ["一、2023年推进法治政府建设的主要举措和成效", "measures"],
    ["二、基本情况和主要成效", "measures"],
    ["一、主要做法和成效", "measures"],
    ["一、工作开展情况", "measures"],
    ["三、存在的问题和不足", "shortcomings"],
    ["三、法治政府建设中存在的不足和原因", "shortcomings"],
    ["四、下一步工作打算", "nextYear"],
    ["四、2024年工作思路", "nextYear"],
    ["一、区政府主要负责同志履行推进法治建设第一责任人职责情况", "duty"],
    ["一、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", "duty"],
    ["五、其他需要报告的情况", "other"],
    ["一、深化“放管服”改革，全面履行政府职能", "measures"],
    ["六、存在的问题及下一步打算", "shortcomings"],
    ["五、今后工作思路", "nextYear"],
    ["一、基本情况", "measures"],
  ])("%s → %s", (heading, part) => {
    expect(matchPart(heading, template, 2023)).toBe(part);
  });

  it("maps nothing it cannot place", () => {
    expect(matchPart("附件", template, 2023)).toBeNull();
  });
});

describe("closing and numbering variants", () => {
  it("reads a heading number followed by a space, and a 落款 dated only to the month", () => {
    const r = fromLines(
      [
        "2023年法治政府建设情况报告",
        "一 主要举措和成效",
        "全年受理信访件590件。",
        "二 存在的问题",
        "力量不足。",
        "某县市场监督管理局",
        "2024年1月",
      ].join("\n"),
    );
    expect(r.headings.map((h) => [h.text, h.part])).toEqual([
      ["一 主要举措和成效", "measures"],
      ["二 存在的问题", "shortcomings"],
    ]);
    expect(r.org).toBe("某县市场监督管理局");
    expect(r.date).toBeNull();
    expect(r.reportYear).toBe(2023);
  });

  it("reads the 发文机关 above a date left blank for signing, as a draft prints it", () => {
    const r = fromLines(
      [
        "2024年度光福镇法治政府建设工作报告",
        "一、主要举措和成效",
        "全年受理信访件590件。",
        "光福镇人民政府",
        "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日",
      ].join("\n"),
    );
    expect(r.org).toBe("光福镇人民政府");
    expect(r.date).toBeNull();
    expect(JSON.stringify(r.body)).not.toContain("光福镇人民政府");
  });
});

describe("text scraped into one paragraph", () => {
  it("starts a new line at a heading number that follows a full stop", () => {
    const filler = "坚持依法行政，推动依法行政制度体系更加完善，行政效能有效提升，法治环境持续优化。".repeat(4);
    const r = fromLines(
      `2023年，某市政府坚持依法行政。${filler}一、坚持党的领导，扛牢法治政府建设政治责任。${filler}二、存在的不足和原因。${filler}`,
    );
    expect(r.headings.map((h) => [h.level, h.text, h.part])).toEqual([
      [1, "一、坚持党的领导，扛牢法治政府建设政治责任", "measures"],
      [1, "二、存在的不足和原因", "shortcomings"],
    ]);
    const glued = fromLines(
      `2023年，某市政府坚持依法行政。${filler}一、坚持党的领导，扛牢法治政府建设政治责任坚持“思想引领”，以习近平法治思想引领法治政府建设。${filler}`,
    );
    expect(glued.headings.map((h) => [h.level, h.part])).toEqual([[1, "measures"]]);
    const titled = fromLines(
      `某省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持依法行政。${filler}一、坚持党的领导。${filler}`,
    );
    expect(titled).toMatchObject({ title: "某省人民政府关于2023年度法治政府建设情况的报告", org: "某省人民政府", reportYear: 2023 });
  });
});

describe("发文机关 without a 落款", () => {
  it.each([
    ["某区司法局关于2023年度法治政府建设情况的报告", "2023年，全局上下坚持依法行政。", "某区司法局"],
    ["2023年度某镇法治政府建设工作报告", "全年工作如下。", "某镇"],
    ["某县2023年法治政府建设年度报告", "全年工作如下。", "某县"],
    ["关于2023年度法治政府建设工作的报告", "2023年，某街道办事处坚持依法行政，扎实推进法治建设。", "某街道办事处"],
    ["关于2023年度法治政府建设工作的报告", "全年工作如下。", null],
  ])("%s", (title, opening, org) => {
    expect(fromLines([title, opening, "一、主要举措和成效", "全年受理信访件590件。"].join("\n")).org).toBe(org);
  });
});

describe("spacing around recognised numbers", () => {
  it("keeps the spaces around and inside a field as written", () => {
    const line = "全年受理 590 件，同比增长 17.48% ，结案率 93.26%。Windows 10 套。";
    const r = fromLines(["一、主要举措和成效", line].join("\n"));
    const part = r.body.content.find((n) => n.type === "part");
    const para = part?.type === "part" ? part.content.find((b): b is ParagraphNode => b.type === "paragraph") : undefined;
    const texts = (para?.content ?? []).filter((n) => n.type === "text").map((n) => (n.type === "text" ? n.text : ""));
    expect(texts.slice(0, 3)).toEqual(["全年受理 ", "，同比增长 ", " ，结案率 "]);
    expect(r.fields.find((f) => f.value === "590")?.written.frame).toBe("# 件");
    expect(r.fields.find((f) => f.value === "17.48")?.text).toContain("17.48%");
  });
});
