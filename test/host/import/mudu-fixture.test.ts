import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeRecognized, type RecognizedDescription } from "../../../core/import/describe-recognized";
import { recognizeReportFile } from "../../../host/import/import-report-file";
import { runCli } from "../../support/run-cli";
import { fazhiTemplate } from "../../support/template";
import { libreOfficeToDocx, pandocToDocx, tempDir } from "./support/convert";
import { makeClerkDocx } from "./support/make-clerk-docx";
import { FIXTURE_MARKDOWN as FIXTURE } from "../../support/report-from-markdown";

/** Every quantitative fact of the seed report (domain.md §3.2), written out by hand. */
const FACTS: readonly [text: string, value: number, unit: string, qualifier: string | null, percent: boolean][] = [
  ["完成 9 个新社区选举工作", 9, "个", null, false],
  ["受理各类审批服务事项超 36 万件", 360000, "件", "超", false],
  ["占全区总量约 26%", 26, "%", "约", true],
  ["同比增长 17.48%", 17.48, "%", null, true],
  ["累计拆除各类违建超 7 万平方米", 70000, "平方米", "超", false],
  ["拆除违规广告设施 117 处", 117, "处", null, false],
  ["检查企业、场所超 2.6 万家次", 26000, "家次", "超", false],
  ["整改隐患 2.9 万条", 29000, "条", null, false],
  ["应急演练 32 场次", 32, "场次", null, false],
  ["新建 2 座卫星消防站", 2, "座", null, false],
  ["依申请公开答复率 100%", 100, "%", null, true],
  ["人大代表议案建议 62 件", 62, "件", null, false],
  ["政协委员提案 1 件", 1, "件", null, false],
  ["办结率和满意率均达 100%", 100, "%", null, true],
  ["调解各类纠纷 1900 余件", 1900, "件", "余", false],
  ["受理信访件 590 件", 590, "件", null, false],
  ["化解信访积案 9 件", 9, "件", null, false],
  ["联动中心平台共接单 4.3 万件", 43000, "件", null, false],
  ["结案率 93.26%", 93.26, "%", null, true],
  ["普法宣传等活动140余次", 140, "次", "余", false],
  ["累计发放宣传材料1.5万余份", 15000, "份", "余", false],
];

/** Numbers in the seed that are not statistics (domain.md §3.3). */
const NOT_FIELDS = [
  "2023年",
  "2024年",
  "二十大",
  "15 分钟",
  "八五",
  "三项制度",
  "一村",
  "两会",
  "两法衔接",
  "法律七进",
  "第一道防线",
  "两级",
  "一次",
  "一是",
];

const LEVEL1: readonly [string, string][] = [
  ["一、党政主要负责人履行推进法治政府建设第一责任人职责情况", "duty"],
  ["二、本年度推进法治政府建设的主要举措和成效", "measures"],
  ["三、法治政府建设中存在的不足和原因", "shortcomings"],
  ["四、下一年度继续推进法治政府建设的主要安排", "nextYear"],
];
const LEVEL2 = [
  "（一）全面履行政府职能情况",
  "（二）推进行政决策科学化民主化法治化情况",
  "（三）坚持严格规范公正文明执法情况",
  "（四）强化行政权力制约监督情况",
  "（五）依法有效化解社会矛盾纠纷情况",
  "（六）落实法治政府建设保障措施情况",
];

function expectSeedRecognised(d: RecognizedDescription): void {
  expect(d.title).toBe("2023年度木渎镇法治政府建设工作报告");
  expect(d.org).toBe("吴中区木渎镇人民政府");
  expect(d.date).toBe("2024-01-17");
  expect(d.reportYear).toBe(2023);
  expect(d.recipient).toBeNull();
  expect(d.headings.filter((h) => h.level === 1).map((h) => [h.text, h.part])).toEqual(LEVEL1);
  expect(d.headings.filter((h) => h.level === 2).map((h) => [h.text, h.part])).toEqual(LEVEL2.map((t) => [t, "measures"]));
  expect(d.headings.map((h) => h.text)).toEqual([LEVEL1[0]?.[0], LEVEL1[1]?.[0], ...LEVEL2, LEVEL1[2]?.[0], LEVEL1[3]?.[0]]);
  for (const [text, value, unit, qualifier, percent] of FACTS) {
    const field = d.fields.find((f) => f.text.includes(text));
    expect(field, text).toBeDefined();
    expect({ value: field?.value, unit: field?.unit, qualifier: field?.qualifier, percent: field?.percent }, text).toEqual({
      value,
      unit,
      qualifier,
      percent,
    });
  }
  expect(d.fields).toHaveLength(FACTS.length);
  for (const words of NOT_FIELDS) {
    expect(
      d.fields.filter((f) => f.text.includes(words)).map((f) => f.text),
      words,
    ).toEqual([]);
  }
}

async function recognise(path: string): Promise<RecognizedDescription> {
  return describeRecognized((await recognizeReportFile(path, fazhiTemplate())).recognized);
}

describe("the seed report (木渎镇 2023)", () => {
  let clerkDocx = "";
  beforeAll(async () => {
    clerkDocx = join(tempDir(), "mudu-clerk.docx");
    writeFileSync(clerkDocx, await makeClerkDocx(FIXTURE));
  });

  it("is recognised from the published Markdown, despite its inconsistent heading marks and broken paragraphs", async () => {
    expectSeedRecognised(await recognise(FIXTURE));
  });

  it("is recognised from a clerk's direct-formatted .docx (Normal style, 黑体/楷体/仿宋 runs)", async () => {
    expectSeedRecognised(await recognise(clerkDocx));
  });

  it("is recognised from a pandoc-made .docx", async () => {
    expectSeedRecognised(await recognise(pandocToDocx(FIXTURE)));
  });

  it("is recognised from a .docx LibreOffice made from the plain text", async () => {
    expectSeedRecognised(await recognise(libreOfficeToDocx(FIXTURE)));
  });

  it("prints the documented JSON shape from `nianbao inspect --json` on a .docx", () => {
    const r = runCli(["inspect", clerkDocx, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & {
      fields: Record<string, unknown>[];
      headings: Record<string, unknown>[];
    };
    expect(json).toMatchObject({
      title: "2023年度木渎镇法治政府建设工作报告",
      org: "吴中区木渎镇人民政府",
      date: "2024-01-17",
      reportYear: 2023,
    });
    expect(json.headings[0]).toEqual({ level: 1, text: "一、党政主要负责人履行推进法治政府建设第一责任人职责情况", part: "duty" });
    expect(json.fields.find((f) => f["value"] === 590)).toMatchObject({
      text: "受理信访件 590 件",
      unit: "件",
      qualifier: null,
      percent: false,
    });
    expect(json.fields.find((f) => f["value"] === 15000)).toMatchObject({ unit: "份", qualifier: "余", percent: false });
  });
});
