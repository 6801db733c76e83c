import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { z } from "zod";
import { Finding } from "../../../core/checks/finding";
import { Report } from "../../../core/model/report";
import { importReportFile } from "../../../host/import/import-report-file";
import { saveReportFile } from "../../../host/storage/report-file";
import { fixedDeps } from "../../support/deps";
import { pageCount } from "../../support/pdf-readers";
import { FIXTURE_MARKDOWN, fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";
import { runCli } from "../../support/run-cli";

const ExportJson = z.strictObject({
  docx: z.string().nullable(),
  pdf: z.string().nullable(),
  pages: z.number().int(),
  fonts: z.array(z.strictObject({ role: z.string(), requested: z.string(), used: z.string(), substituted: z.boolean() })),
  state: z.enum(["draft", "final"]),
  blocking: z.array(Finding),
});

const dir = mkdtempSync(join(tmpdir(), "nianbao-export-cli-"));
const reportPath = join(dir, "木渎镇2023.nianbao");
const importedPath = join(dir, "木渎镇2023导入.nianbao");
const draftPath = join(dir, "木渎镇2024草稿.nianbao");
const untitledPath = join(dir, "无标题.nianbao");

const documentXml = (docx: string): string =>
  strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))["word/document.xml"] ?? new Uint8Array());

beforeAll(async () => {
  await saveReportFile(reportPath, fixtureReport());
  await saveReportFile(importedPath, (await importReportFile(FIXTURE_MARKDOWN, { template: fazhiTemplate(), deps: fixedDeps() })).report);
  // Next year's report straight after roll-forward: every number still to be filled in, no date.
  await saveReportFile(
    draftPath,
    (await importReportFile(FIXTURE_MARKDOWN, { template: fazhiTemplate(), deps: fixedDeps(), rollForward: true })).report,
  );
  const fixture = fixtureReport();
  await saveReportFile(untitledPath, Report.parse({ ...fixture, meta: { ...fixture.meta, title: "", org: "" } }));
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

describe("nianbao export of a report that is not finished", () => {
  it("exports a draft (exit 0), names its state, lists what blocks it and highlights every placeholder", () => {
    const result = runCli(["export", draftPath, "--docx", "draft.docx", "--json"], { cwd: dir });
    expect(result.status).toBe(0);
    const json = ExportJson.parse(JSON.parse(result.stdout));
    expect(json.state).toBe("draft");
    expect(json.blocking.map((f) => f.id)).toEqual(expect.arrayContaining(["FIELD-EMPTY", "FIELD-UNCONFIRMED", "DATE-EMPTY"]));
    const xml = documentXml(join(dir, "draft.docx"));
    const highlighted = [
      ...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>/g),
    ].map((m) => m[1] ?? "");
    const placeholders = [...xml.matchAll(/【待填：[^】]*】/g)].length;
    expect(placeholders).toBe(21);
    expect(highlighted.filter((t) => t.startsWith("【待填："))).toHaveLength(placeholders);
    // The undated 落款 is a placeholder too.
    expect(highlighted.some((t) => /^[\u3000\s]*年[\u3000\s]*月[\u3000\s]*日$/.test(t))).toBe(true);

    const text = runCli(["export", draftPath, "--docx", "draft2.docx"], { cwd: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("文件状态：草稿");
    expect(text.stdout).toContain("FIELD-EMPTY");
    expect(text.stdout).toContain("DATE-EMPTY");
  });

  it("refuses --final with the list of what blocks it, in Chinese and English, and writes nothing", () => {
    const result = runCli(["export", draftPath, "--final", "--docx", "final.docx", "--pdf", "final.pdf"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("不能导出定稿");
    expect(result.stderr).toContain("FIELD-UNCONFIRMED");
    expect(result.stderr).toContain("Error:");
    expect(result.stderr).toContain("final export is refused");
    expect(existsSync(join(dir, "final.docx"))).toBe(false);
    expect(existsSync(join(dir, "final.pdf"))).toBe(false);
  });

  it("exports a finished report as final, with --final too", () => {
    const result = runCli(["export", importedPath, "--final", "--docx", "ok.docx"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("文件状态：定稿");
    expect(documentXml(join(dir, "ok.docx"))).not.toContain("w:highlight");
  });

  it("invents no title or 发文机关: inspect says null, the export leaves both lines empty, check names both", () => {
    const inspect = runCli(["inspect", untitledPath, "--json"], { cwd: dir });
    expect(JSON.parse(inspect.stdout)).toMatchObject({ title: null, org: null });
    const result = runCli(["export", untitledPath, "--docx", "untitled.docx"], { cwd: dir });
    expect(result.status).toBe(0);
    const paragraphs = [...documentXml(join(dir, "untitled.docx")).matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    );
    expect(paragraphs[0]).toBe("");
    expect(paragraphs[1]).toBe(
      "2023年是全面贯彻落实党的二十大精神的开局之年，做好法治政府建设工作具有重大意义。围绕法治政府建设年度目标任务，木渎镇坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想，有效落实上级关于法治政府建设的决策部署，认真谋划，统筹协调，扎实推进，全面推动法治政府建设各项工作向前发展。因成效显著，木渎镇获评“平安吴中”“法治吴中”建设先进单位，木渎司法所获评“全省司法所分类建设表现突出单位”。全年工作总体情况如下：",
    );
    expect(paragraphs.join("")).not.toMatch(/人民政府|我市|待填写/);
    const check = runCli(["check", untitledPath, "--json"], { cwd: dir });
    expect(check.status).toBe(1);
    const ids = (JSON.parse(check.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["TITLE-EMPTY", "ORG-EMPTY"]));
  });
});

describe("nianbao check on a Word or text file", () => {
  it("checks it as imported and says so, instead of calling it damaged", () => {
    const docx = join(dir, "ok.docx");
    if (!existsSync(docx)) runCli(["export", importedPath, "--docx", "ok.docx"], { cwd: dir });
    const result = runCli(["check", docx, "--today", "2024-01-20"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("按导入后的报告检查");
    expect(result.stdout).not.toMatch(/损坏/);
    const json = JSON.parse(runCli(["check", docx, "--json", "--today", "2024-01-20"], { cwd: dir }).stdout) as {
      imported?: { format: string };
    };
    expect(json.imported).toEqual({ format: "docx" });
  });
});
