import { describe, expect, it } from "vitest";
import { blockingFindings, blockingOf } from "../../../core/checks/blocking-findings";
import { checkReport } from "../../../core/checks/check-report";
import { buildExportModel } from "../../../core/export-model/build-export-model";
import { LEGACY_UNKNOWN_ORG } from "../../../core/model/issuing-org";
import { Report } from "../../../core/model/report";
import { fazhiTemplate } from "../../support/template";
import { atom, cleanReport, text, withParagraph } from "./crafted-report";

const TODAY = "2025-01-20";
const dated = (report: Report): Report => Report.parse({ ...report, meta: { ...report.meta, date: "2025-01-17" } });
const meta = (report: Report, changes: Partial<Report["meta"]>): Report =>
  Report.parse({ ...report, meta: { ...report.meta, ...changes } });
const ids = (findings: { id: string }[]): string[] => findings.map((f) => f.id);

describe("nothing invented: title and 发文机关 come from the report or the clerk", () => {
  it("reports a missing title and 发文机关 as errors, and the export leaves their lines empty", () => {
    const report = meta(dated(cleanReport()), { title: "", org: "" });
    const findings = checkReport(report, fazhiTemplate(), { today: TODAY });
    expect(findings.filter((f) => f.severity === "error").map((f) => f.id)).toEqual(["TITLE-EMPTY", "ORG-EMPTY"]);
    // The title-year check has nothing to say about a title that is not there.
    expect(ids(findings)).not.toContain("TITLE-YEAR");
    const model = buildExportModel(report, fazhiTemplate());
    expect(model.blocks[0]).toEqual({ kind: "title", text: "" });
    const signature = model.blocks.find((b) => b.kind === "signature");
    expect(signature?.kind === "signature" && signature.org).toBe("");
    expect(JSON.stringify(model.blocks)).not.toMatch(/我市|待填写发文机关|2024年度.*报告/);
  });

  it("treats the placeholder older imports stored for an unknown 发文机关 as no 发文机关", () => {
    const report = meta(dated(cleanReport()), { org: LEGACY_UNKNOWN_ORG });
    expect(ids(checkReport(report, fazhiTemplate(), { today: TODAY }))).toContain("ORG-EMPTY");
    const signature = buildExportModel(report, fazhiTemplate()).blocks.find((b) => b.kind === "signature");
    expect(signature?.kind === "signature" && signature.org).toBe("");
  });

  it("passes a report whose title, 发文机关 and date are all there", () => {
    expect(blockingFindings(dated(cleanReport()), fazhiTemplate(), { today: TODAY, purpose: "sign" })).toEqual([]);
  });
});

describe("what blocks a final export, 签发 and signing", () => {
  it("an empty 成文日期 is a warning that blocks the final export and signing, not 签发 (which fills it)", () => {
    const findings = checkReport(cleanReport(), fazhiTemplate(), { today: TODAY });
    expect(findings.find((f) => f.id === "DATE-EMPTY")?.severity).toBe("warning");
    expect(blockingOf(findings, "approve")).toEqual([]);
    for (const purpose of ["final", "sign"] as const) {
      const blocking = blockingOf(findings, purpose);
      expect(ids(blocking)).toEqual(["DATE-EMPTY"]);
      expect(blocking[0]?.severity).toBe("error");
    }
  });

  it("an unfilled number blocks everything and is marked as a placeholder in the export", () => {
    const { report } = withParagraph(dated(cleanReport()), "measures", [text("全年办理案件"), atom("cases"), text("。")]);
    const withField = Report.parse({
      ...report,
      fields: { cases: { id: "cases", label: "办理案件", kind: "count", value: null, unit: "件", status: "unconfirmed" } },
    });
    for (const purpose of ["final", "approve", "sign"] as const) {
      expect(ids(blockingFindings(withField, fazhiTemplate(), { today: TODAY, purpose }))).toEqual(
        expect.arrayContaining(["FIELD-EMPTY", "FIELD-UNCONFIRMED"]),
      );
    }
    const runs = buildExportModel(withField, fazhiTemplate()).blocks.flatMap((b) => (b.kind === "paragraph" ? b.runs : []));
    expect(runs.filter((r) => r.placeholder).map((r) => r.text)).toEqual(["【待填：办理案件】"]);
  });

  it("warnings never block", () => {
    const findings = checkReport(dated(cleanReport()), fazhiTemplate(), { today: "2030-01-01" });
    expect(findings.some((f) => f.severity !== "error")).toBe(true);
    expect(blockingOf(findings, "sign")).toEqual([]);
  });
});
