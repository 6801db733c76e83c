import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { saveReportFile } from "../../../host/storage/report-file";
import { pageCount } from "../../support/pdf-readers";
import { fixtureReport } from "../../support/report-from-markdown";
import { runCli } from "../../support/run-cli";

const ExportJson = z.strictObject({
  docx: z.string().nullable(),
  pdf: z.string().nullable(),
  pages: z.number().int(),
  fonts: z.array(z.strictObject({ role: z.string(), requested: z.string(), used: z.string(), substituted: z.boolean() })),
});

const dir = mkdtempSync(join(tmpdir(), "nianbao-export-cli-"));
const reportPath = join(dir, "木渎镇2023.nianbao");

beforeAll(async () => {
  await saveReportFile(reportPath, fixtureReport());
});

describe("nianbao export", () => {
  it("writes the .docx and the PDF and prints the result as JSON", () => {
    const result = runCli(["export", reportPath, "--docx", "out.docx", "--pdf", "out.pdf", "--json"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const json = ExportJson.parse(JSON.parse(result.stdout));
    expect(json.docx).toBe(join(dir, "out.docx"));
    expect(json.pdf).toBe(join(dir, "out.pdf"));
    expect(readFileSync(join(dir, "out.docx")).subarray(0, 2).toString()).toBe("PK");
    expect(json.pages).toBe(pageCount(join(dir, "out.pdf")));
    expect(json.fonts.map((f) => f.role)).toEqual(["title", "body", "heading1", "heading2", "pageNumber"]);
  });

  it("exports only the .docx when only --docx is given", () => {
    const result = runCli(["export", reportPath, "--docx", "only.docx", "--profile", "char-grid"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("已导出 Word");
    expect(result.stdout).not.toContain("PDF");
    expect(existsSync(join(dir, "only.pdf"))).toBe(false);
  });

  it("rejects an unknown profile in Chinese and English without writing anything", () => {
    const result = runCli(["export", reportPath, "--docx", "bad.docx", "--profile", "fancy"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--profile 须为 strict");
    expect(result.stderr).toContain("bad arguments");
    expect(existsSync(join(dir, "bad.docx"))).toBe(false);
  });

  it("refuses a damaged report file with a clear message", () => {
    const broken = join(dir, "broken.nianbao");
    writeFileSync(broken, "{ not json");
    const result = runCli(["export", broken, "--docx", "x.docx"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/损坏/);
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
  });
});
