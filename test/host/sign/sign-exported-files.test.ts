import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { approvalStatus } from "../../../core/workflow/approval-status";
import { recordSignature } from "../../../core/workflow/record-signature";
import { openDocx, readCustomProperties } from "../../../host/sign/docx-custom-properties";
import { matchApproved } from "../../../host/sign/match-approved";
import { DOCX_PROPERTY_NAMES } from "../../../host/sign/sign-docx";
import { signExportedFiles } from "../../../host/sign/sign-exported-files";
import { verifyDocxFile, verifyPdf, verifyPdfFile } from "../../../host/sign/verify-signature";
import { finishedReport } from "../../support/finished-report";
import { approvedReport, tempDir, writeTestDocx, writeTestPdf } from "./support/signed-fixtures";
import type { Report } from "../../../core/model/report";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

async function exportedFiles() {
  const dir = tempDir();
  const pdfPath = join(dir, "报告.pdf");
  const docxPath = join(dir, "报告.docx");
  await writeTestPdf(pdfPath);
  await writeTestDocx(docxPath);
  return { dir, pdfPath, docxPath };
}

function pdfsig(path: string): string {
  // pdfsig exits 0 whether or not the signature is valid: only its output counts.
  return spawnSync("pdfsig", [path], { encoding: "utf8" }).stdout;
}

function opensslVerify(docx: string, p7s: string): { status: number | null; stderr: string } {
  const r = spawnSync(
    "openssl",
    ["cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", docx, "-noverify", "-out", "/dev/null"],
    { encoding: "utf8" },
  );
  return { status: r.status, stderr: r.stderr };
}

describe("signExportedFiles", () => {
  it("signs the PDF so that pdfsig accepts it with the Chinese signer name, and detects a flipped byte", async () => {
    const { pdfPath } = await exportedFiles();
    const report = await approvedReport();
    const signed = await signExportedFiles({ pdfPath, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
    expect(signed.subject).toBe("C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府");
    const out = pdfsig(pdfPath);
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Signer Certificate Common Name: 木渎镇人民政府");
    expect(out).toContain("O=苏州市吴中区木渎镇");
    expect(out).toContain("Total document signed");

    const check = await verifyPdfFile(pdfPath);
    expect(check).toMatchObject({ valid: true, signer: signed.subject, modifiedAfterSigning: false });
    expect(Math.abs((check.signedAt?.getTime() ?? 0) - signed.signedAt.getTime())).toBeLessThan(1000);
    expect(check.recorded).toEqual({ contentHash: approvalStatus(report).approvedHash, revision: 1, reportId: report.id });
    expect(matchApproved(check, report).matches).toBe(false);
    expect(matchApproved(check, recordSignature(report, signed.record)).matches).toBe(true);

    const bytes = readFileSync(pdfPath);
    const offset = bytes.indexOf("stream", bytes.indexOf("/Contents")) + 12;
    const byteRange = /\/ByteRange \[0 (\d+) /.exec(bytes.toString("latin1"));
    expect(offset).toBeLessThan(Number(byteRange?.[1]));
    bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
    const tampered = join(tempDir(), "tampered.pdf");
    writeFileSync(tampered, bytes);
    expect(pdfsig(tampered)).toContain("Signature Validation: Digest Mismatch.");
    expect(verifyPdf(bytes)).toMatchObject({ valid: false, modifiedAfterSigning: true });
  });

  it("appends the signature to a PDF with a cross-reference table (as Chromium writes it), keeping the exported bytes", async () => {
    const doc = await PDFDocument.create();
    doc.setTitle("2024年度法治政府建设工作报告");
    doc
      .addPage([595, 842])
      .drawText("2024 annual report", { x: 72, y: 760, size: 16, font: await doc.embedFont(StandardFonts.TimesRoman) });
    doc.addPage([595, 842]);
    const exported = Buffer.from(await doc.save({ useObjectStreams: false }));
    const pdfPath = join(tempDir(), "报告.pdf");
    writeFileSync(pdfPath, exported);
    const report = await approvedReport();
    await signExportedFiles({ pdfPath, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });

    const signed = readFileSync(pdfPath);
    expect(signed.subarray(0, exported.length).equals(exported)).toBe(true);
    const out = pdfsig(pdfPath);
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Total document signed");
    const info = spawnSync("pdfinfo", [pdfPath], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Title:\s+2024年度法治政府建设工作报告/);
    expect(info).toContain(`年报第1稿 sha256:${approvalStatus(report).approvedHash ?? ""}`);
    expect(info).toMatch(/Pages:\s+2/);
    expect(await verifyPdfFile(pdfPath)).toMatchObject({ valid: true, modifiedAfterSigning: false });
  });

  it("flags content appended after signing (an incremental update) as modified", async () => {
    const { pdfPath } = await exportedFiles();
    await signExportedFiles({ pdfPath, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report: await approvedReport() });
    const appended = Buffer.concat([readFileSync(pdfPath), Buffer.from("\n1 0 obj\n<< /Title (changed) >>\nendobj\n%%EOF\n")]);
    expect(verifyPdf(appended)).toMatchObject({ valid: false, modifiedAfterSigning: true });
  });

  it("writes a .docx.p7s that openssl verifies, records the approval in the .docx, and fails after a change", async () => {
    const { docxPath } = await exportedFiles();
    const report = await approvedReport();
    const signed = await signExportedFiles({ docxPath, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
    const p7s = `${docxPath}.p7s`;
    expect(signed.docxSignature).toBe(p7s);
    const ok = opensslVerify(docxPath, p7s);
    expect(ok.stderr).toContain("CMS Verification successful");
    expect(ok.status).toBe(0);

    const props = readCustomProperties(openDocx(readFileSync(docxPath)));
    expect(props.get(DOCX_PROPERTY_NAMES.contentHash)).toBe(approvalStatus(report).approvedHash);
    expect(props.get(DOCX_PROPERTY_NAMES.approvedBy)).toBe("张镇长");
    expect(props.get(DOCX_PROPERTY_NAMES.signer)).toBe("李秘书");
    expect(props.get(DOCX_PROPERTY_NAMES.certificate)).toContain("木渎镇人民政府");
    const entries = unzipSync(readFileSync(docxPath));
    expect(strFromU8(entries["[Content_Types].xml"] ?? new Uint8Array())).toContain("/docProps/custom.xml");
    expect(strFromU8(entries["_rels/.rels"] ?? new Uint8Array())).toContain("custom-properties");

    const check = await verifyDocxFile(docxPath);
    expect(check).toMatchObject({ valid: true, signer: signed.subject, modifiedAfterSigning: false });
    expect(matchApproved(check, report).matches).toBe(false);
    expect(matchApproved(check, recordSignature(report, signed.record)).matches).toBe(true);

    const document = strFromU8(entries["word/document.xml"] ?? new Uint8Array());
    entries["word/document.xml"] = strToU8(document.replace("主要举措和成效", "主要举措和成绩"));
    writeFileSync(docxPath, zipSync(entries));
    const bad = opensslVerify(docxPath, p7s);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("content verify error");
    expect(await verifyDocxFile(docxPath)).toMatchObject({ valid: false, modifiedAfterSigning: true });
  });

  it("keeps custom properties the exporter already wrote", async () => {
    const { docxPath } = await exportedFiles();
    const entries = unzipSync(readFileSync(docxPath));
    entries["docProps/custom.xml"] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="报告年度"><vt:i4>2024</vt:i4></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="NianbaoContentHash"><vt:lpwstr>stale</vt:lpwstr></property></Properties>',
    );
    writeFileSync(docxPath, zipSync(entries));
    const report = await approvedReport();
    await signExportedFiles({ docxPath, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
    const props = readCustomProperties(openDocx(readFileSync(docxPath)));
    expect(props.get("报告年度")).toBe("2024");
    expect(props.get(DOCX_PROPERTY_NAMES.contentHash)).toBe(approvalStatus(report).approvedHash);
  });

  describe("refuses with a clear message and writes nothing", () => {
    const cases: {
      name: string;
      p12: () => string;
      password?: string;
      zh: string;
      report?: () => Report | Promise<Report>;
      pdfIsText?: boolean;
    }[] = [
      { name: "wrong password", p12: () => certs.valid, password: "wrong", zh: "证书密码不正确" },
      { name: "no private key", p12: () => certs.withoutKey, zh: "没有私钥" },
      { name: "expired certificate", p12: () => certs.expired, zh: "过期" },
      { name: "not yet valid certificate", p12: () => certs.notYetValid, zh: "起才生效" },
      { name: "not a certificate file", p12: () => join(certs.dir, "signer.crt.pem"), zh: "不是 PKCS#12" },
      { name: "non-PDF input", p12: () => certs.valid, zh: "不是 PDF", pdfIsText: true },
      { name: "report not approved", p12: () => certs.valid, zh: "尚未签发", report: finishedReport },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { pdfPath, docxPath } = await exportedFiles();
        if (c.pdfIsText === true) writeFileSync(pdfPath, "这是一个文本文件，不是 PDF。");
        const before = { pdf: readFileSync(pdfPath), docx: readFileSync(docxPath) };
        const error = await signExportedFiles({
          pdfPath,
          docxPath,
          p12: c.p12(),
          password: c.password ?? TEST_PASSWORD,
          signer: "李秘书",
          report: await (c.report ?? approvedReport)(),
        }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(NianbaoError);
        expect((error as NianbaoError).zh).toContain(c.zh);
        expect((error as NianbaoError).zh).not.toContain(TEST_PASSWORD);
        expect(readFileSync(pdfPath).equals(before.pdf)).toBe(true);
        expect(readFileSync(docxPath).equals(before.docx)).toBe(true);
        expect(existsSync(`${docxPath}.p7s`)).toBe(false);
      });
    }
  });
});
