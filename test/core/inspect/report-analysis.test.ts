import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import { AnalysisRequest, analyseReport, ReportAnalysis } from "../../../core/inspect/report-analysis";
import { finishedReport } from "../../support/finished-report";
import { fazhiTemplate } from "../../support/template";

const TODAY = "2024-03-10";

type Json = { type: string; text?: string; content?: readonly Json[] };
function visit(node: Json, each: (node: Json) => void): void {
  each(node);
  for (const child of node.content ?? []) visit(child, each);
}

describe("the report analysis the editor runs off its main thread", () => {
  it("gives exactly the findings of core/checks, every part's progress and the character count", async () => {
    const report = await finishedReport();
    const template = fazhiTemplate();
    const analysis = analyseReport({ report, template, today: TODAY });

    expect(analysis.findings).toEqual(checkReport(report, template, { today: TODAY }));
    const parts = report.body.content.filter((n) => n.type === "part");
    expect(analysis.parts.map((p) => p.partId)).toEqual(parts.map((p) => p.attrs.partId));
    expect(analysis.parts[0]?.heading).toMatch(/^一、/);
    // The published report is written everywhere, and there is no last year to compare with.
    for (const part of analysis.parts) {
      expect(part.written).toBeGreaterThan(20);
      expect(part.lastYearShare).toBeNull();
    }
    let characters = 0;
    let chips = 0;
    visit(report.body as Json, (node) => {
      if (node.type === "text") characters += (node.text ?? "").replace(/\s/g, "").length;
      if (node.type === "reportField") chips++;
    });
    expect(analysis.count.text).toBe(characters);
    expect(analysis.count.chips).toHaveLength(chips);
  });

  it("counts text kept word for word from last year as last year's, carried paragraphs as still to review", async () => {
    const report = await finishedReport();
    const carried = {
      ...report.body,
      content: report.body.content.map((node) =>
        node.type === "part"
          ? { ...node, content: node.content.map((b) => (b.type === "paragraph" ? { ...b, attrs: { ...b.attrs, carried: true } } : b)) }
          : node,
      ),
    };
    const lastYear = { meta: report.meta, body: report.body, fields: report.fields };
    const analysis = analyseReport({ report: { ...report, body: carried, lastYear }, template: fazhiTemplate(), today: TODAY });
    for (const part of analysis.parts) {
      expect(part.lastYearShare).toBe(1);
      expect(part.unreviewed).toBeGreaterThan(0);
    }
  });

  it("crosses the worker boundary (structured clone) and its schemas intact", async () => {
    const report = await finishedReport();
    const template = fazhiTemplate();
    const analysis = analyseReport({ report, template, today: TODAY });
    expect(ReportAnalysis.parse(structuredClone(analysis))).toEqual(analysis);
    const request = AnalysisRequest.parse(
      structuredClone({ report: { ...report, lastYear: null }, template, today: TODAY, seq: 3, lastYear: { key: 1, snapshot: null } }),
    );
    expect(analyseReport(request).findings).toEqual(analysis.findings);
  });
});
