import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { codeOf } from "../../support/error-code";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";
import { createTestHost, type TestHost } from "../../support/report-host";
import { fillWorkbook, randomWorkbook } from "./support/collect-files";

/*
 * The app's way to hand returned workbooks over: bytes uploaded (a drop in browser mode never
 * reveals a path), then read by importAnswers like the CLI's paths, through the real dispatcher.
 */

let host: TestHost;
let report: string;
let request: string;
let scratch: string;

const base64 = (path: string) => readFileSync(path).toString("base64");

beforeAll(async () => {
  host = await createTestHost();
  scratch = mkdtempSync(join(tmpdir(), "nianbao-uploads-"));
  copyFileSync(FIXTURE_MARKDOWN, join(host.docs, "上年.md"));
  const opened = await host.api.importReport({ source: { path: join(host.docs, "上年.md") }, rollForward: true });
  report = join(host.docs, "本年.nianbao");
  await host.api.saveReport({ report: opened.report, path: report });
  await host.api.editReportFile({
    path: report,
    edits: [
      { type: "changeField", fieldId: "f16", source: "信访办" },
      { type: "changeField", fieldId: "f17", source: "信访办" },
    ],
  });
  const written = await host.api.writeDataRequests({ path: report, outDir: join(host.docs, "征集") });
  request = written.files[0]?.path ?? "";
});

describe("returned workbooks uploaded by the page", () => {
  it("are read under the clerk's file name, land unconfirmed with provenance, and are deleted once read", async () => {
    const filled = join(scratch, "filled.xlsx");
    fillWorkbook(request, filled, { values: { f16: 612 }, respondent: "王芳" });
    const { uploadId } = await host.api.uploadAnswerWorkbook({ name: "信访办-回复.xlsx", dataBase64: base64(filled) });
    const done = await host.api.importAnswers({ path: report, uploads: [uploadId] });
    expect(done.changed).toBe(true);
    expect(done.result.files).toMatchObject([{ fileName: "信访办-回复.xlsx", department: "信访办", answered: 1, blank: 1 }]);
    const { report: after } = await host.api.openReport({ path: report });
    expect(after.fields["f16"]).toMatchObject({ value: "612", status: "unconfirmed" });
    expect(after.fields["f16"]?.provenance).toMatchObject([{ department: "信访办", respondent: "王芳", fileName: "信访办-回复.xlsx" }]);
    // Read once: the upload is gone from the host's folder and cannot be named again.
    expect(readdirSync(join(host.state, "uploads"))).toEqual([]);
    await expect(codeOf(host.api.importAnswers({ path: report, uploads: [uploadId] }))).resolves.toBe("not_found");
  });

  it("refuses a workbook that is not a data request with its reason, leaving the report byte for byte", async () => {
    const foreign = join(scratch, "foreign.xlsx");
    randomWorkbook(foreign);
    const before = readFileSync(report);
    const { uploadId } = await host.api.uploadAnswerWorkbook({ name: "别人的表.xlsx", dataBase64: base64(foreign) });
    const refused = await host.api.importAnswers({ path: report, uploads: [uploadId] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NianbaoError);
    expect((refused as NianbaoError).zh).toContain("别人的表.xlsx：");
    expect((refused as NianbaoError).zh).toContain("报告未改动");
    expect(readFileSync(report).equals(before)).toBe(true);
  });

  it("takes only spreadsheets, and needs at least one file", async () => {
    await expect(codeOf(host.api.uploadAnswerWorkbook({ name: "报告.docx", dataBase64: "AAAA" }))).resolves.toBe("invalid_input");
    await expect(codeOf(host.api.uploadAnswerWorkbook({ name: "空.xlsx", dataBase64: "" }))).resolves.toBe("invalid_input");
    await expect(codeOf(host.api.importAnswers({ path: report }))).resolves.toBe("invalid_input");
  });
});
