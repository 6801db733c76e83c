import { describe, expect, it } from "vitest";
import { checkReport } from "../../core/checks/check-report";
import { importReportFile } from "../../host/import/import-report-file";
import { fixedDeps } from "../support/deps";
import { fazhiTemplate } from "../support/template";
import { FIXTURE_MARKDOWN } from "../support/report-from-markdown";

describe("the checker on the Mudu 2023 report rolled forward to 2024", () => {
  it("reports every carried number as unconfirmed and the 2023 opening sentence as a stale year", async () => {
    const template = fazhiTemplate();
    const { report } = await importReportFile(FIXTURE_MARKDOWN, { template, deps: fixedDeps(), rollForward: true });
    expect(report.meta.reportYear).toBe(2024);
    const findings = checkReport(report, template, { today: "2025-01-15" });

    const unconfirmed = findings.filter((f) => f.id === "FIELD-UNCONFIRMED");
    expect(unconfirmed.map((f) => f.location.fieldId).sort()).toEqual(Object.keys(report.fields).sort());
    expect(unconfirmed.length).toBeGreaterThanOrEqual(20);
    expect(unconfirmed.every((f) => f.severity === "error" && f.location.part === "measures")).toBe(true);

    const stale = findings.filter((f) => f.id === "YEAR-STALE");
    expect(stale.length).toBeGreaterThanOrEqual(1);
    expect(stale.some((f) => f.message.includes("“2023年是全面贯彻落实党的二十大精神的开局之年"))).toBe(true);
    // The statutory parts are all present and in order after roll-forward.
    expect(findings.filter((f) => f.id.startsWith("PART-"))).toEqual([]);
  });
});
