import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import { migrateReport } from "../../core/model/migrate-report";
import { SCHEMA_VERSION } from "../../core/model/report";
import { fixedDeps } from "../support/deps";
import { thrownBy } from "../support/error-code";
import { fazhiTemplate, repoRoot } from "../support/template";

const v0 = () => JSON.parse(readFileSync(join(repoRoot, "test/fixtures/v0/prototype-2023.nianbao"), "utf8")) as Record<string, unknown>;

describe("migrateReport", () => {
  it("upgrades a prototype (v0) file: exact decimals, statuses, last-year values, template ref", () => {
    const { report, migratedFrom } = migrateReport(v0());
    expect(migratedFrom).toBe(0);
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.template).toEqual({ id: "fazhi-zhengfu-niandu-baogao", version: 1 });
    expect(report.meta).toMatchObject({ reportYear: 2023, date: "2024-01-17", org: "吴中区木渎镇人民政府" });
    expect(report.fields["petitions"]).toMatchObject({
      value: "590",
      status: "confirmed",
      qualifier: "none",
      lastYear: { value: "612", unit: "件" },
    });
    expect(report.fields["closureRate"]).toMatchObject({ value: "93.26", status: "unconfirmed", kind: "percent" });
    expect(report.workflow).toEqual({ state: "draft", distinctPeople: true, revision: 1, events: [] });
  });

  it("passes a current report through unchanged", () => {
    const report = createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
    const result = migrateReport(JSON.parse(JSON.stringify(report)));
    expect(result).toEqual({ report, migratedFrom: null });
  });

  it("refuses a file from a newer version with a message saying to upgrade", () => {
    const error = thrownBy(() => migrateReport({ ...v0(), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(error.code).toBe("file_too_new");
    expect(error.zh).toContain("较新版本");
    expect(error.message).toContain("newer");
  });

  it("explains what is wrong in an invalid file", () => {
    expect(thrownBy(() => migrateReport({ hello: 1 })).code).toBe("file_invalid");
    const bad = v0();
    (bad["fields"] as Record<string, unknown>[])[0]!["value"] = "lots";
    const error = thrownBy(() => migrateReport(bad));
    expect(error.code).toBe("file_invalid");
    expect(error.zh).toContain("fields.0.value");
  });

  it("refuses a prototype value that cannot be written exactly (1e309, NaN)", () => {
    for (const value of [1e300, Number.NaN]) {
      const bad = v0();
      (bad["fields"] as Record<string, unknown>[])[1]!["value"] = value;
      expect(thrownBy(() => migrateReport(bad)).code).toBe("file_invalid");
    }
  });
});
