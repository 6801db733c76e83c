import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeRecognized, type RecognizedDescription } from "../../../core/import/describe-recognized";
import { recognizeReportFile } from "../../../host/import/import-report-file";
import { fazhiTemplate, repoRoot } from "../../support/template";
import { libreOfficeToDocx, pandocToDocx } from "./support/convert";

const corpus = (name: string) => join(repoRoot, "test/fixtures/import", name);
const recognise = async (path: string): Promise<RecognizedDescription> =>
  describeRecognized((await recognizeReportFile(path, fazhiTemplate())).recognized);
const facts = (d: RecognizedDescription) => d.fields.map((f) => [f.value, f.unit, f.qualifier]);

/*
 * Reports in the shapes other units write them, with the expected results written by hand:
 * a county bureau (two-line title, 主送机关, run-in headings, measures first, Chinese-numeral
 * date), a street office pasted from a PDF (no title, half-width punctuation, hard line breaks),
 * and a town in Markdown (stand-alone 一是 subheadings, a table).
 */
describe("varied corpus", () => {
  it("county bureau report", async () => {
    const d = await recognise(corpus("county-bureau-2023.txt"));
    expect(d).toMatchObject({
      title: "临江区司法局关于2023年度法治政府建设工作情况的报告",
      recipient: "区委、区政府：",
      org: "临江区司法局",
      date: "2024-01-15",
      reportYear: 2023,
    });
    expect(d.headings.filter((h) => h.level === 1).map((h) => h.part)).toEqual(["measures", "duty", "shortcomings", "nextYear"]);
    expect(d.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual([
      "（一）深化行政复议体制改革",
      "（二）规范行政执法行为",
      "（三）推进公共法律服务",
      "（四）加强普法宣传教育",
      "（一）持续深化法治政府建设",
      "（二）提升行政执法质效",
    ]);
    expect(facts(d)).toEqual([
      [45, "件", null],
      [12.5, "%", null],
      [8.9, "%", null],
      [3, "件", null],
      [100, "%", null],
      [3.2, "个百分点", null],
      [2, "次", null],
      [1200, "人次", "余"],
      [1000, "人次", "近"],
      [86.5, "万元", null],
      [2, "座", null],
      [9, "个", null],
      [12000, "人次", "约"],
      [386, "件", null],
      [1.35, "亿元", null],
      [260, "场次", null],
      [36000, "份", null],
      [90, "%", "以上"],
      [6, "次", null],
      [2, "次", null],
    ]);
    const texts = d.fields.map((f) => f.text).join("|");
    for (const notField of ["第二十五条", "〔2023〕5号", "十四五", "八五", "第2位", "15分钟", "每季度", "三会一课", "一百二十卷"])
      expect(texts).not.toContain(notField);
  });

  it("street office report pasted from a PDF, also after LibreOffice turned it into a .docx", async () => {
    for (const path of [corpus("street-pasted-2023.txt"), libreOfficeToDocx(corpus("street-pasted-2023.txt"))]) {
      const d = await recognise(path);
      expect(d, path).toMatchObject({ title: null, recipient: null, org: "青石街道办事处", date: "2024-02-01", reportYear: 2023 });
      expect(d.headings.filter((h) => h.level === 1).map((h) => h.part)).toEqual(["measures", "shortcomings", "nextYear", "duty"]);
      expect(d.headings.filter((h) => h.level === 2)).toHaveLength(7);
      expect(d.fields.map((f) => f.text)).toEqual([
        "全年召开党工委会议专题研究法治工作4次",
        "领导干部带头学法12次",
        "全年办理各类政务服务事项2.3万件",
        "办结率99.6%",
        "群众满意率98.2%",
        "新增市场主体1580户",
        "同比增长6.3%",
        "全年排查化解矛盾纠纷856起",
        "调解成功率97.5%",
        "受理信访事项132件",
        "按期办结率100%",
        "全年主持研究法治工作4次",
      ]);
    }
  });

  it("town report in Markdown, also after pandoc turned it into a .docx", async () => {
    for (const path of [corpus("town-leads-2023.md"), pandocToDocx(corpus("town-leads-2023.md"))]) {
      const d = await recognise(path);
      expect(d, path).toMatchObject({
        title: "红枫镇2023年法治政府建设年度报告",
        org: "红枫镇人民政府",
        date: "2024-01-20",
        reportYear: 2023,
      });
      expect(d.headings.map((h) => [h.level, h.text, h.part])).toEqual([
        [1, "一、主要负责同志履行推进法治建设第一责任人职责情况", "duty"],
        [1, "二、工作开展情况", "measures"],
        [2, "一是加强组织领导", "measures"],
        [2, "二是严格规范执法", "measures"],
        [2, "三是深化普法宣传", "measures"],
        [1, "三、存在的不足及原因", "shortcomings"],
        [1, "四、下一年度工作计划", "nextYear"],
      ]);
      expect(facts(d)).toEqual([
        [3, "次", null],
        [12, "项", null],
        [67, "份", null],
        [218, "件", null],
        [120, "万元", "超"],
        [35, "万元", null],
        [18000, "平方米", null],
        [45, "场", null],
        [5000, "人次", "超"],
        [1320, "人次", null],
      ]);
    }
  });

  it("report copied from a government web page, banner and all", async () => {
    const d = await recognise(corpus("web-page-2023.txt"));
    expect(d).toMatchObject({ title: "东川区2023年度法治政府建设情况报告", org: "东川区人民政府", date: "2024-03-25", reportYear: 2023 });
    expect(d.headings.map((h) => [h.level, h.part])).toEqual([
      [1, "duty"],
      [1, "measures"],
      [2, "measures"],
      [2, "measures"],
      [3, "measures"],
      [3, "measures"],
      [1, "shortcomings"],
      [2, "shortcomings"],
      [1, "nextYear"],
      [2, "nextYear"],
    ]);
    expect(facts(d)).toEqual([
      [12, "次", null],
      [8, "次", null],
      [2, "场次", null],
      [300, "人", "余"],
      [4, "次", null],
      [12, "条", null],
      [35, "张", null],
      [2000, "册", "余"],
      [10000, "人", "近"],
      [156, "件", null],
      [142, "件", null],
      [138, "件", null],
      [11.6, "%", null],
      [100, "%", null],
    ]);
    const texts = d.fields.map((f) => f.text).join("|");
    for (const notField of ["2021", "十项行动", "一号", "2022年度"]) expect(texts).not.toContain(notField);
  });
});
