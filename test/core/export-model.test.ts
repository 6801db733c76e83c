import { describe, expect, it } from "vitest";
import { buildExportModel } from "../../core/export-model/build-export-model";
import { UNDATED_PLACEHOLDER, formatChineseDate } from "../../core/text/chinese-date";
import type { ExportBlock } from "../../core/export-model/export-model";
import { pageGeometry } from "../../core/export-model/page-geometry";
import { PROFILE_PRESETS } from "../../core/export-model/profile-presets";
import { signatureIndents } from "../../core/export-model/signature-layout";
import { LayoutProfile } from "../../core/model/layout-profile";
import { buildReport, fixtureReport, heading, paragraph } from "../support/report-from-markdown";
import { fazhiTemplate } from "../support/template";

const kinds = (blocks: ExportBlock[]): string[] => blocks.map((b) => b.kind);

function smallReport(extra: Partial<Parameters<typeof buildReport>[0]> = {}) {
  return buildReport({
    title: "2024年度某县法治政府建设工作报告",
    org: "某县人民政府",
    date: "2025-01-07",
    body: {
      type: "doc",
      content: [
        {
          type: "part",
          attrs: { partId: "measures" },
          content: [
            heading(1, "一、主要举措和成效"),
            heading(2, "（一）全面履行政府职能"),
            paragraph([
              { type: "text", text: "1.优化营商环境。", marks: [{ type: "runInHeading", attrs: { level: 3 } }] },
              { type: "text", text: "全年受理" },
              { type: "reportField", attrs: { fieldId: "cases", show: "value" } },
              { type: "text", text: "，另有" },
              { type: "reportField", attrs: { fieldId: "pending", show: "value" } },
              { type: "text", text: "。" },
            ]),
            { type: "paragraph", attrs: { carried: false } },
          ],
        },
      ],
    },
    fields: {
      cases: { id: "cases", label: "审批服务事项", kind: "count", value: "12345", unit: "件", qualifier: "超", status: "confirmed" },
      pending: { id: "pending", label: "待办事项", kind: "count", value: null, unit: "件", status: "unconfirmed" },
    },
    ...extra,
  });
}

describe("the export model", () => {
  it("orders title, body, two blank lines and the 落款 for the sealed layout; a 主送机关 sits one blank line under the title", () => {
    const model = buildExportModel(fixtureReport(), fazhiTemplate());
    const k = kinds(model.blocks);
    expect(k.slice(0, 2)).toEqual(["title", "paragraph"]);
    const withRecipient = fixtureReport();
    const addressed = buildExportModel(
      { ...withRecipient, meta: { ...withRecipient.meta, recipient: "吴中区人民政府：" } },
      fazhiTemplate(),
    );
    expect(kinds(addressed.blocks).slice(0, 4)).toEqual(["title", "blankLine", "recipient", "paragraph"]);
    expect(k.slice(-3)).toEqual(["blankLine", "blankLine", "signature"]);
    const signature = model.blocks.at(-1);
    expect(signature).toMatchObject({
      kind: "signature",
      org: "吴中区木渎镇人民政府",
      date: "2024年1月17日",
      dateRightIndentChars: 4,
      orgRightIndentChars: 2.25,
    });
    expect(model.blocks.filter((b) => b.kind === "heading" && b.level === 1)).toHaveLength(4);
    expect(model.blocks.filter((b) => b.kind === "heading" && b.level === 2)).toHaveLength(6);
  });

  it("resolves field atoms to their formatted text and warns about missing values", () => {
    const model = buildExportModel(smallReport(), fazhiTemplate());
    const para = model.blocks.find((b) => b.kind === "paragraph");
    expect(para?.kind === "paragraph" && para.runs.map((r) => r.text).join("")).toBe(
      "1.优化营商环境。全年受理超12345件，另有【待填：待办事项】。",
    );
    expect(model.warnings).toContain("字段“待办事项”尚无数值");
  });

  it("words a YoY atom through core/fields and marks one it cannot compute", () => {
    const report = smallReport({
      body: {
        type: "doc",
        content: [
          paragraph([
            { type: "text", text: "受理量" },
            { type: "reportField", attrs: { fieldId: "cases", show: "yoy" } },
            { type: "text", text: "；待办" },
            { type: "reportField", attrs: { fieldId: "pending", show: "yoy" } },
          ]),
        ],
      },
      fields: {
        cases: {
          id: "cases",
          label: "审批服务事项",
          kind: "count",
          value: "12345",
          unit: "件",
          status: "confirmed",
          lastYear: { value: "10000", unit: "件" },
        },
        pending: { id: "pending", label: "待办事项", kind: "count", value: "5", unit: "件", status: "confirmed" },
      },
    });
    const model = buildExportModel(report, fazhiTemplate());
    const para = model.blocks.find((b) => b.kind === "paragraph");
    expect(para?.kind === "paragraph" && para.runs.map((r) => r.text).join("")).toBe("受理量同比增长23.45%；待办【缺少同比：待办事项】");
    expect(model.warnings).toHaveLength(1);
  });

  it("keeps a run-in heading as its own run in the heading's font, the rest in 仿宋", () => {
    const model = buildExportModel(smallReport(), fazhiTemplate(), { profile: PROFILE_PRESETS["bold-headings"] });
    const para = model.blocks.find((b) => b.kind === "paragraph");
    if (para?.kind !== "paragraph") throw new Error("no paragraph");
    expect(para.runs[0]).toEqual({ text: "1.优化营商环境。", font: "body", bold: true, placeholder: false });
    expect(para.runs[1]).toMatchObject({ font: "body", bold: false });
    const h2 = model.blocks.find((b) => b.kind === "heading" && b.level === 2);
    expect(h2?.kind === "heading" && h2.runs[0]).toEqual({
      text: "（一）全面履行政府职能",
      font: "heading2",
      bold: true,
      placeholder: false,
    });
  });

  it("drops the editor's empty paragraphs, which would break the grid", () => {
    const model = buildExportModel(smallReport(), fazhiTemplate());
    expect(model.blocks.filter((b) => b.kind === "paragraph")).toHaveLength(1);
  });

  it("leaves the date blank with a warning until it is set", () => {
    const model = buildExportModel(smallReport({ date: null }), fazhiTemplate());
    expect(model.blocks.find((b) => b.kind === "signature")).toMatchObject({ date: UNDATED_PLACEHOLDER });
    expect(model.warnings).toContain("尚未填写成文日期，落款日期留空");
  });

  it("adds 附件说明, 附注 and attachment pages in the order of GB/T 9704 7.3", () => {
    const attachment = {
      title: "2024年度行政执法统计表",
      body: { type: "doc" as const, content: [paragraph([{ type: "text", text: "见下表。" }])] },
    };
    const model = buildExportModel(
      smallReport({ note: "（联系人：李四，联系电话：12345678）", attachments: [attachment] }),
      fazhiTemplate(),
    );
    expect(kinds(model.blocks).slice(-7)).toEqual([
      "blankLine",
      "attachmentNote",
      "blankLine",
      "blankLine",
      "signature",
      "note",
      "attachment",
    ]);
    expect(model.blocks.find((b) => b.kind === "attachmentNote")).toMatchObject({ items: ["2024年度行政执法统计表"] });
    expect(model.blocks.at(-1)).toMatchObject({ kind: "attachment", label: "附件", title: "2024年度行政执法统计表" });
  });
});

describe("GB/T 9704 arithmetic", () => {
  it("writes dates without leading zeros", () => {
    expect(formatChineseDate("2025-01-07")).toBe("2025年1月7日");
    expect(formatChineseDate("2024-12-31")).toBe("2024年12月31日");
  });

  it("fits 22 lines and 28 characters in the type area in both grid modes, never 29", () => {
    for (const gridMode of ["lineGrid", "charGrid"] as const) {
      const g = pageGeometry(LayoutProfile.parse({ gridMode }));
      const height = g.pageHeightTwip - g.marginTwip.top - g.marginTwip.bottom;
      const width = g.pageWidthTwip - g.marginTwip.left - g.marginTwip.right;
      expect(22 * g.linePitchTwip).toBeLessThanOrEqual(height);
      expect(23 * g.linePitchTwip).toBeGreaterThan(height);
      const pitch = gridMode === "lineGrid" ? 320 + (g.runSpacingTwentieths ?? 0) : g.charPitchTwip;
      expect(28 * pitch).toBeLessThanOrEqual(width);
      expect(29 * pitch).toBeGreaterThan(width);
      // Never both compressions at once.
      expect(g.runSpacingTwentieths === null).toBe(g.docGridCharSpace !== null);
    }
  });

  it("places the unsealed 落款 右空二字 with the date starting 2 字 right of the 署名", () => {
    // 署名 10 字 ≥ date 6.5 + 2: 署名 右空二字, date indent = 10 − 6.5.
    expect(signatureIndents("吴中区木渎镇人民政府", "2024年1月17日", "unsealed")).toEqual({
      orgRightIndentChars: 2,
      dateRightIndentChars: 3.5,
      blankLinesBefore: 1,
    });
    // A short 署名: the date goes 右空二字 and the 署名 moves left to keep the 2-字 offset.
    expect(signatureIndents("某局", "2024年1月17日", "unsealed")).toEqual({
      orgRightIndentChars: 8.5,
      dateRightIndentChars: 2,
      blankLinesBefore: 1,
    });
  });
});
