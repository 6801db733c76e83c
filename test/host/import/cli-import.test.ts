import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadReportFile } from "../../../host/storage/report-file";
import { runCli } from "../../support/run-cli";
import { tempDir } from "./support/convert";
import { FIXTURE_MARKDOWN as FIXTURE } from "../../support/report-from-markdown";

describe("nianbao import", () => {
  it("rolls last year's report forward into a new .nianbao that inspect reads back", async () => {
    const out = join(tempDir(), "2024.nianbao");
    const r = runCli(["import", FIXTURE, "--roll-forward", "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2024 年度报告");
    const { report } = await loadReportFile(out);
    expect(report.meta.reportYear).toBe(2024);
    expect(report.lastYear?.meta.reportYear).toBe(2023);
    const inspected = JSON.parse(runCli(["inspect", out, "--json"]).stdout) as {
      reportYear: number;
      date: null;
      fields: { status: string; value: number | null }[];
    };
    expect(inspected.reportYear).toBe(2024);
    expect(inspected.date).toBeNull();
    expect(inspected.fields).toHaveLength(21);
    expect(inspected.fields.every((f) => f.status === "unconfirmed" && f.value === null)).toBe(true);
  });

  it("imports as is without --roll-forward, and refuses to overwrite without --force", async () => {
    const out = join(tempDir(), "2023.nianbao");
    expect(runCli(["import", FIXTURE, "-o", out]).status).toBe(0);
    const { report } = await loadReportFile(out);
    expect(report.meta).toMatchObject({ reportYear: 2023, date: "2024-01-17" });
    expect(Object.values(report.fields).every((f) => f.status === "confirmed")).toBe(true);
    const inspected = JSON.parse(runCli(["inspect", out, "--json"]).stdout) as { fields: { text: string; value: number }[] };
    expect(inspected.fields.find((f) => f.value === 590)?.text).toBe("受理信访件 590 件");
    const again = runCli(["import", FIXTURE, "-o", out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("--force");
  });

  it("rolls a saved .nianbao forward too", async () => {
    const dir = tempDir();
    const first = join(dir, "2023.nianbao");
    const second = join(dir, "2024.nianbao");
    expect(runCli(["import", FIXTURE, "-o", first]).status).toBe(0);
    expect(runCli(["import", first, "--roll-forward", "-o", second]).status).toBe(0);
    expect((await loadReportFile(second)).report.meta.title).toBe("2024年度木渎镇法治政府建设工作报告");
  });

  it("asks for --year when the file names no year, and writes nothing", () => {
    const dir = tempDir();
    const src = join(dir, "no-year.txt");
    const out = join(dir, "x.nianbao");
    writeFileSync(src, "一、主要举措和成效\n全年受理信访件590件。\n某镇人民政府");
    const r = runCli(["import", src, "-o", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--year");
    expect(existsSync(out)).toBe(false);
    expect(runCli(["import", src, "--year", "2023", "-o", out]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('"reportYear": 2023');
  });
});
