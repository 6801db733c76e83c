import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyWorkflowAction } from "../../core/workflow/apply-workflow-action";
import { verifyDocxFile } from "../../host/sign/verify-signature";
import { fixedDeps } from "../support/deps";
import { codeOf } from "../support/error-code";
import { createTestHost } from "../support/report-host";
import { documentXml } from "../support/tracked-changes";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./sign/support/test-certificates";
import { FIXTURE_MARKDOWN as FIXTURE } from "../support/report-from-markdown";

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

describe("import through the contract", () => {
  it("previews last year's report from an allowed folder and rolls it forward into an unsaved report", async () => {
    const { api, docs } = await createTestHost();
    const path = join(docs, "木渎2023.md");
    copyFileSync(FIXTURE, path);
    const listing = await api.listImportable({ path: docs });
    expect(listing).toEqual([{ name: "木渎2023.md", path, kind: "document" }]);

    const preview = await api.previewImport({ source: { path } });
    expect(preview).toMatchObject({ fileName: "木渎2023.md", format: "md", reportYear: 2023, org: "吴中区木渎镇人民政府" });
    expect(preview.parts.map((p) => p.partId)).toEqual(["duty", "measures", "shortcomings", "nextYear"]);
    expect(preview.parts.every((p) => p.paragraphs > 0)).toBe(true);
    expect(preview.fields).toContainEqual({ label: "受理各类审批服务事项", shown: "超 36 万件" });

    const opened = await api.importReport({ source: { path }, rollForward: true });
    expect(opened.path).toBeNull();
    expect(opened.report.meta.reportYear).toBe(2024);
    expect(opened.report.fields["f2"]).toMatchObject({
      value: null,
      status: "unconfirmed",
      lastYear: { value: "360000", qualifier: "超" },
    });
  });

  it("imports a dropped file's uploaded bytes, and refuses paths outside the folders and other file types", async () => {
    const { api } = await createTestHost();
    const { uploadId } = await api.uploadImportFile({ name: "上年.md", dataBase64: readFileSync(FIXTURE).toString("base64") });
    const preview = await api.previewImport({ source: { uploadId } });
    // The preview names the clerk's own file, not the upload.
    expect(preview.fileName).toBe("上年.md");
    expect(preview.parts).toHaveLength(4);
    const opened = await api.importReport({ source: { uploadId }, rollForward: false });
    expect(opened.report.meta.reportYear).toBe(2023);
    expect(opened.report.fields["f2"]).toMatchObject({ value: "360000", qualifier: "超" });

    await expect(codeOf(api.previewImport({ source: { path: FIXTURE } }))).resolves.toBe("path_not_allowed");
    await expect(codeOf(api.uploadImportFile({ name: "x.exe", dataBase64: "AAAA" }))).resolves.toBe("invalid_input");
    await expect(codeOf(api.previewImport({ source: { uploadId: "00000000-0000-4000-8000-000000000000" } }))).resolves.toBe("not_found");
  });
});

describe("export, preview and signing through the contract", () => {
  it("exports Word into an allowed folder and refuses one outside", async () => {
    const { api, docs } = await createTestHost();
    const { report } = await api.importReport({ source: await uploaded(api), rollForward: false });
    const docxPath = join(docs, "木渎2023.docx");
    const result = await api.exportReport({ report, docxPath });
    expect(result).toMatchObject({ docx: docxPath, pdf: null, pages: 0 });
    expect(documentXml(docxPath).replace(/<[^>]+>/g, "")).toContain("超 36 万件");
    await expect(codeOf(api.exportReport({ report, docxPath: "/tmp/elsewhere.docx" }))).resolves.toBe("path_not_allowed");
    await expect(codeOf(api.exportReport({ report }))).resolves.toBe("invalid_input");
  });

  it("previews the very PDF an export writes: its sheets, its text, its page numbers", async () => {
    const { api, docs } = await createTestHost();
    const { report } = await api.importReport({ source: await uploaded(api), rollForward: false });
    const preview = await api.previewReport({ report });
    expect(preview.pages).toBeGreaterThan(1);
    const previewed = join(docs, "预览.pdf");
    writeFileSync(previewed, Buffer.from(preview.pdfBase64, "base64"));
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [previewed], { encoding: "utf8" }))?.[1])).toBe(preview.pages);
    const text = execFileSync("pdftotext", ["-layout", previewed, "-"], { encoding: "utf8" });
    expect(text).toContain("超 36 万件");
    expect(text.replace(/\s/g, "")).toContain("—1—");
    const exported = await api.exportReport({ report, pdfPath: join(docs, "导出.pdf") });
    expect(exported.pages).toBe(preview.pages);
    expect(execFileSync("pdftotext", ["-layout", join(docs, "导出.pdf"), "-"], { encoding: "utf8" })).toBe(text);
  });

  it("signs an exported .docx of an approved report with a .p12 from an allowed folder", async () => {
    const { api, docs } = await createTestHost();
    const { report: imported } = await api.importReport({ source: await uploaded(api), rollForward: false });
    const deps = fixedDeps();
    let report = applyWorkflowAction(imported, { action: "submit", person: "张三", role: "拟稿人" }, deps);
    report = applyWorkflowAction(report, { action: "review", person: "王五", role: "审核人" }, deps);
    report = applyWorkflowAction(report, { action: "approve", person: "李四", role: "签发人" }, deps);
    const docxPath = join(docs, "签发稿.docx");
    await api.exportReport({ report, docxPath });
    const p12Path = join(docs, "单位.p12");
    copyFileSync(certs.valid, p12Path);

    await expect(codeOf(api.signExported({ report, docxPath, p12Path, password: "wrong", signer: "李四" }))).resolves.not.toBe("none");
    const signed = await api.signExported({ report, docxPath, p12Path, password: TEST_PASSWORD, signer: "李四" });
    expect(signed.docxSignature).toBe(`${docxPath}.p7s`);
    await expect(verifyDocxFile(docxPath)).resolves.toMatchObject({ valid: true });
    await expect(
      codeOf(api.signExported({ report, docxPath, p12Path: certs.valid, password: TEST_PASSWORD, signer: "李四" })),
    ).resolves.toBe("path_not_allowed");
  });

  it("saves through the sign-off guard: an approved report's text cannot be changed on disk", async () => {
    const { api, docs } = await createTestHost();
    const { report: imported } = await api.importReport({ source: await uploaded(api), rollForward: false });
    const deps = fixedDeps();
    const approved = applyWorkflowAction(
      applyWorkflowAction(
        applyWorkflowAction(imported, { action: "submit", person: "张三", role: "拟稿人" }, deps),
        { action: "review", person: "王五", role: "审核人" },
        deps,
      ),
      { action: "approve", person: "李四", role: "签发人" },
      deps,
    );
    const path = join(docs, "签发稿.nianbao");
    await api.saveReport({ report: approved, path });
    const edited = { ...approved, meta: { ...approved.meta, title: "改过的标题" } };
    await expect(codeOf(api.saveReport({ report: edited, path }))).resolves.toBe("report_locked");
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ meta: { title: approved.meta.title } });
  });
});

async function uploaded(api: Awaited<ReturnType<typeof createTestHost>>["api"]) {
  return api.uploadImportFile({ name: "上年.md", dataBase64: readFileSync(FIXTURE).toString("base64") });
}
