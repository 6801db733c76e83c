import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import type { DocNode } from "../../core/model/doc";
import { saveReportFile } from "../../host/storage/report-file";
import { fixedDeps } from "../support/deps";
import { runCli } from "../support/run-cli";
import { fazhiTemplate } from "../support/template";

function withText(body: DocNode, partId: string, texts: string[]): DocNode {
  return {
    ...body,
    content: body.content.map((node) =>
      node.type === "part" && node.attrs.partId === partId
        ? {
            ...node,
            content: [
              node.content[0]!,
              ...texts.map((text) => ({
                type: "paragraph" as const,
                attrs: { carried: false },
                content: [{ type: "text" as const, text }],
              })),
            ],
          }
        : node,
    ),
  };
}

describe("nianbao diff", () => {
  it("prints the per-paragraph classification, ratios and plans as JSON", async () => {
    const base = createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
    const lastBody = withText(withText(base.body, "duty", ["镇党委定期研究法治建设工作。", "主要负责人带头学法用法。"]), "nextYear", [
      "一是完善决策机制。二是加强执法监督。",
    ]);
    const thisBody = withText(lastBody, "duty", ["镇党委定期研究法治建设工作。", "主要负责人带头学法、懂法、用法。"]);
    const file = join(mkdtempSync(join(tmpdir(), "nianbao-diff-")), "r.nianbao");
    await saveReportFile(file, {
      ...base,
      body: thisBody,
      lastYear: { meta: { ...base.meta, reportYear: 2023 }, body: lastBody, fields: {} },
    });

    const r = runCli(["diff", file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      unchangedRatio: number;
      parts: { part: string; unchangedRatio: number }[];
      paragraphs: { status: string; part: string; text: string; lastYearText: string }[];
      plans: { text: string; status: string }[];
    };
    expect(json.paragraphs.filter((p) => p.part === "duty").map((p) => p.status)).toEqual(["unchanged", "changed"]);
    expect(json.parts.find((p) => p.part === "nextYear")?.unchangedRatio).toBe(1);
    expect(json.unchangedRatio).toBeGreaterThan(0.8);
    expect(json.unchangedRatio).toBeLessThan(1);
    expect(json.plans).toEqual([
      { key: "完善决策机制", text: "一是完善决策机制。", status: "open", reason: null },
      { key: "加强执法监督", text: "二是加强执法监督。", status: "open", reason: null },
    ]);
    expect(runCli(["diff", file]).stdout).toContain("[修改] 主要负责人带头学法、懂法、用法。");
  });

  it("explains that a report without last year's snapshot cannot be compared", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "nianbao-diff-")), "r.nianbao");
    await saveReportFile(file, createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps()));
    const r = runCli(["diff", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("没有上年报告");
    expect(r.stderr).toContain("no last-year snapshot");
  });
});
