import { describe, expect, it } from "vitest";
import { buildImportedReport } from "../../../core/import/build-imported-report";
import { recognizeReport } from "../../../core/import/recognize-report";
import { advanceYears, rollForward } from "../../../core/import/roll-forward";
import { SourceBlock } from "../../../core/import/source-block";
import type { BlockNode, DocNode } from "../../../core/model/doc";
import { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { readFixtureMarkdown } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

function importText(text: string, deps = fixedDeps()): Report {
  const blocks = text.split("\n").map((line) => SourceBlock.parse({ type: "paragraph", text: line.replace(/^#+\s*/u, "") }));
  return buildImportedReport(recognizeReport(blocks, fazhiTemplate()), fazhiTemplate(), deps);
}

function blocksOf(body: DocNode): BlockNode[] {
  return body.content.flatMap((n) => (n.type === "part" ? n.content : [n]));
}

const seed = (deps = fixedDeps()) => importText(readFixtureMarkdown(), deps);

describe("import as is", () => {
  it("keeps the year and holds every number as a confirmed current value in a field atom", () => {
    const report = seed();
    expect(report.meta).toMatchObject({ reportYear: 2023, date: "2024-01-17", org: "吴中区木渎镇人民政府" });
    const fields = Object.values(report.fields);
    expect(fields).toHaveLength(21);
    expect(fields.every((f) => f.status === "confirmed" && f.value !== null && f.lastYear === null)).toBe(true);
    expect(report.fields["f2"]).toMatchObject({
      value: "360000",
      scale: "万",
      qualifier: "超",
      unit: "件",
      sourceText: "全年共受理各类审批服务事项超 36 万件",
    });
    const atoms = blocksOf(report.body)
      .flatMap((b) => (b.type === "paragraph" ? (b.content ?? []) : []))
      .filter((n) => n.type === "reportField");
    expect(atoms.map((a) => (a.type === "reportField" ? a.attrs.fieldId : ""))).toEqual(fields.map((f) => f.id));
    expect(report.fields["f4"]).toMatchObject({ kind: "growth", baseFieldId: "f2" });
  });
});

describe("roll-forward", () => {
  it("starts next year's report from last year's", () => {
    const deps = fixedDeps();
    const last = seed(deps);
    const next = rollForward(last, deps);
    expect(Report.safeParse(next).success).toBe(true);
    expect(next.meta).toMatchObject({
      reportYear: 2024,
      date: null,
      title: "2024年度木渎镇法治政府建设工作报告",
      org: "吴中区木渎镇人民政府",
    });
    expect(next.id).not.toBe(last.id);
    for (const [id, field] of Object.entries(next.fields)) {
      const old = last.fields[id];
      expect(field.value).toBeNull();
      expect(field.status).toBe("unconfirmed");
      expect(field.lastYear).toEqual({ value: old?.value, unit: old?.unit, scale: old?.scale, qualifier: old?.qualifier });
    }
    const blocks = blocksOf(next.body);
    const texts = blocks.flatMap((b) => (b.type === "table" ? [] : [b]));
    expect(texts).toHaveLength(20);
    expect(texts.every((b) => b.attrs.carried)).toBe(true);
    expect(next.lastYear?.meta.reportYear).toBe(2023);
    expect(next.lastYear?.fields["f16"]?.value).toBe("590");
    const lastNextYear = next.lastYear?.body.content.find((n) => n.type === "part" && n.attrs.partId === "nextYear");
    expect(JSON.stringify(lastNextYear)).toContain("一是有效提高法治能力建设");
  });

  it("advances the report year and the year after it in the title and headings, nothing else", () => {
    const last = importText(
      [
        "2023年度某镇法治政府建设工作报告",
        "一、2023年推进法治政府建设的主要举措和成效",
        "落实“八五”普法规划（2021—2025年），全年受理信访件590件。",
        "二、2024年工作安排",
        "2024年将继续推进。",
        "某镇人民政府",
        "2024年1月17日",
      ].join("\n"),
    );
    const next = rollForward(last, fixedDeps());
    const headings = blocksOf(next.body)
      .filter((b) => b.type === "heading")
      .map((b) => (b.content?.[0]?.type === "text" ? b.content[0].text : ""));
    expect(headings).toEqual(["一、2024年推进法治政府建设的主要举措和成效", "二、2025年工作安排"]);
    expect(JSON.stringify(next.body)).toContain("2021—2025年");
    expect(JSON.stringify(next.body)).toContain("2024年将继续推进");
    expect(advanceYears("二〇二三年度某局法治政府建设报告", 2023)).toBe("二〇二四年度某局法治政府建设报告");
    expect(advanceYears("落实2022—2024年规划，2023年工作", 2023)).toBe("落实2022—2024年规划，2024年工作");
  });

  it("moves older values into the series when a rolled report is rolled again", () => {
    const twice = rollForward(
      {
        ...rollForward(seed(), fixedDeps()),
        fields: Object.fromEntries(
          Object.entries(rollForward(seed(), fixedDeps()).fields).map(([id, f]) => [
            id,
            { ...f, value: "7", status: "confirmed" as const },
          ]),
        ),
      },
      fixedDeps(),
    );
    expect(twice.meta.reportYear).toBe(2025);
    expect(twice.fields["f16"]).toMatchObject({ value: null, lastYear: { value: "7" }, series: [{ year: 2023, value: "590" }] });
  });

  it("marks paragraphs inside tables as carried and empties their fields", () => {
    const blocks = [
      SourceBlock.parse({ type: "paragraph", text: "一、工作成效" }),
      SourceBlock.parse({ type: "table", rows: [["法律咨询", "1320人次"]] }),
    ];
    const last = buildImportedReport(recognizeReport(blocks, fazhiTemplate()), fazhiTemplate(), fixedDeps(), {
      year: 2023,
      org: "某镇人民政府",
    });
    const next = rollForward(last, fixedDeps());
    const table = blocksOf(next.body).find((b) => b.type === "table");
    const cells = table?.type === "table" ? table.content.flatMap((r) => r.content.flatMap((c) => c.content)) : [];
    expect(cells.map((p) => p.attrs.carried)).toEqual([true, true]);
    expect(next.fields["f1"]).toMatchObject({ value: null, label: "法律咨询", lastYear: { value: "1320", unit: "人次" } });
  });
});
