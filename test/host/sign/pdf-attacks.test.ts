import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../core/model/report";
import { recordSignature } from "../../../core/workflow/record-signature";
import { VerifyJson } from "../../../host/cli/commands/verify-command";
import { approvalStamp, signExportedFiles } from "../../../host/sign/sign-exported-files";
import { signPdf } from "../../../host/sign/sign-pdf";
import { loadSigningIdentity } from "../../../host/sign/signing-identity";
import { saveReportGuarded } from "../../../host/workflow/save-report-guarded";
import { runCli } from "../../support/run-cli";
import {
  overlayAnnotation,
  replacePageByUpdate,
  secondByteRangeInGap,
  shadowHideSwitch,
  shadowReplaceStream,
  signatureWrapping,
  textInContentsPadding,
} from "./support/pdf-attacks";
import { approvedReport, tempDir } from "./support/signed-fixtures";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

let certs: TestCertificates;
let dir: string;
let reportPath: string;
let report: Report;
let signed: Buffer;
/** Object number of a content stream the signed file holds but no page shows (for the shadow "hide" attack). */
let hidden: number;

beforeAll(async () => {
  certs = makeTestCertificates();
  dir = tempDir();
  report = await approvedReport();
  const pdfPath = join(dir, "报告.pdf");
  hidden = await writePdfWithHiddenContent(pdfPath);
  const result = await signExportedFiles({ pdfPath, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
  report = recordSignature(report, result.record);
  reportPath = join(dir, "木渎镇2024.nianbao");
  await saveReportGuarded(reportPath, report);
  signed = readFileSync(pdfPath);
}, 60_000);

/** Two pages of text and one extra content stream that no page references. */
async function writePdfWithHiddenContent(path: string, text = "Budget: 1,200,000 yuan"): Promise<number> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 16, font });
  doc.addPage([595, 842]).drawText("Part two: measures and results", { x: 72, y: 760, size: 16, font });
  const shadow = doc.context.register(doc.context.stream("BT /F1 24 Tf 72 700 Td (Budget: 9,999,999 yuan) Tj ET"));
  writeFileSync(path, await doc.save({ useObjectStreams: false }));
  return shadow.objectNumber;
}

function verify(path: string, ...args: string[]): { status: number | null; json: VerifyJson; text: string } {
  const json = runCli(["verify", path, ...args, "--json"]);
  const text = runCli(["verify", path, ...args]);
  return { status: json.status, json: VerifyJson.parse(JSON.parse(json.stdout)), text: text.stdout };
}

function pdfsig(path: string): string {
  return spawnSync("pdfsig", [path], { encoding: "utf8" }).stdout;
}

function attacked(name: string, bytes: Buffer): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

describe("verify against attacked PDFs", () => {
  it("accepts the file as signed, with the certificate's issuer, serial and fingerprint", () => {
    const ok = verify(attacked("intact", signed), "--report", reportPath);
    expect(ok.status).toBe(0);
    expect(ok.json).toMatchObject({ valid: true, modifiedAfterSigning: false, matchesApproved: true, changesAfterSigning: [] });
    expect(ok.json.certificate).toEqual(report.signatures[0]?.certificate);
    expect(ok.text).toContain(`证书指纹      SHA-256 ${report.signatures[0]?.certificate.fingerprint ?? "?"}`);
  });

  const cases: { name: string; attack: () => Buffer; reason: RegExp; pdfsig: RegExp | null }[] = [
    {
      name: "incremental-update page replacement",
      attack: () => replacePageByUpdate(signed),
      reason: /替换了第 1 页/,
      pdfsig: /Not total document signed/,
    },
    {
      name: "shadow attack: hide (page 1 switched to content signed but never shown)",
      attack: () => shadowHideSwitch(signed, hidden),
      reason: /替换了第 1 页/,
      pdfsig: /Not total document signed/,
    },
    {
      name: "shadow attack: replace (the content stream redefined)",
      attack: () => shadowReplaceStream(signed),
      reason: /替换了页面内容、字体或图像/,
      pdfsig: /Not total document signed/,
    },
    {
      name: "overlay annotation covering the text",
      attack: () => overlayAnnotation(signed),
      reason: /新增了批注（Square），可能遮盖页面内容/,
      pdfsig: /Not total document signed/,
    },
    {
      name: "signature wrapping (replacement objects inside the /Contents gap)",
      attack: () => signatureWrapping(signed),
      reason: /非十六进制|签名字典无法按 PDF 语法解析/,
      pdfsig: /The signature form field is not signed|Not total document signed/,
    },
    {
      name: "a second /ByteRange and replacement pages in the gap",
      attack: () => secondByteRangeInGap(signed),
      reason: /非十六进制|签名字典无法按 PDF 语法解析/,
      pdfsig: /The signature form field is not signed|Not total document signed/,
    },
    {
      name: "a second /ByteRange written over the /Contents padding",
      attack: () => textInContentsPadding(signed),
      reason: /非十六进制/,
      pdfsig: null,
    },
  ];
  for (const c of cases) {
    it(`exits 1 with the reason for ${c.name}`, () => {
      const path = attacked(c.name.replace(/\W+/g, "-"), c.attack());
      const r = verify(path, "--report", reportPath);
      expect(r.status).toBe(1);
      expect(r.json).toMatchObject({ valid: false, modifiedAfterSigning: true, matchesApproved: false });
      expect(r.json.problem).toMatch(c.reason);
      expect(r.text).toContain("签名无效");
      expect(r.text).toMatch(c.reason);
      if (c.pdfsig !== null) expect(pdfsig(path)).toMatch(c.pdfsig);
    });
  }

  it("refuses modified content re-signed with a certificate of the same name (only the recorded fingerprint tells)", async () => {
    const path = join(dir, "impostor.pdf");
    await writePdfWithHiddenContent(path, "Budget: 9,999,999 yuan");
    const impostor = loadSigningIdentity(readFileSync(certs.sameNameImpostor), TEST_PASSWORD, new Date());
    writeFileSync(path, await signPdf(readFileSync(path), impostor, approvalStamp(report, "李秘书"), new Date()));
    // The signature itself is sound and the name is the same: pdfsig cannot tell.
    expect(pdfsig(path)).toContain("Signature is Valid");
    expect(pdfsig(path)).toContain("Signer Certificate Common Name: 木渎镇人民政府");
    const r = verify(path, "--report", reportPath);
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({ valid: true, matchesApproved: false });
    expect(r.json.certificate?.subject).toBe(report.signatures[0]?.certificate.subject);
    expect(r.json.certificate?.fingerprint).not.toBe(report.signatures[0]?.certificate.fingerprint);
    expect(r.text).toContain("签名证书不是报告中记录的证书");
  });
});

describe("verify --trust", () => {
  async function signedWith(p12: string, name: string, at = new Date()): Promise<string> {
    const path = join(dir, `${name}.pdf`);
    await writePdfWithHiddenContent(path);
    const identity = loadSigningIdentity(readFileSync(p12), TEST_PASSWORD, at);
    writeFileSync(path, await signPdf(readFileSync(path), identity, approvalStamp(report, "李秘书"), at));
    return path;
  }

  it("says trusted for a certificate the CA issued, and that the chain was not checked without --trust", async () => {
    const path = await signedWith(certs.caIssued, "ca-issued");
    const trusted = verify(path, "--trust", certs.caPem);
    expect(trusted.status).toBe(0);
    expect(trusted.json).toMatchObject({ valid: true, chain: { status: "trusted" } });
    expect(trusted.text).toContain("证书链可信 / chain trusted");
    expect(trusted.text).toContain("测试根证书（仅供测试）");
    expect(trusted.json.certificate?.issuer).toBe("C=CN, O=测试数字证书认证中心, CN=测试根证书（仅供测试）");
    const unchecked = verify(path);
    expect(unchecked.status).toBe(0);
    expect(unchecked.json.chain.status).toBe("notChecked");
    expect(unchecked.text).toContain("未检查证书链 / chain not checked");
  });

  it("says untrusted for a self-signed certificate, apart from the intact bytes", async () => {
    const path = await signedWith(certs.valid, "self-signed");
    const r = verify(path, "--trust", certs.caPem);
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({ valid: true, modifiedAfterSigning: false, chain: { status: "untrusted" } });
    expect(r.text).toContain("签名有效");
    expect(r.text).toContain("证书链不可信 / chain untrusted");
  });

  it("says expired for a CA-issued certificate past its end date", async () => {
    const whenValid = new Date(Date.now() - 600 * 86_400_000);
    const path = await signedWith(certs.caIssuedExpired, "expired", whenValid);
    const r = verify(path, "--trust", certs.caPem);
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({ valid: true, chain: { status: "expired" } });
    expect(r.text).toContain("证书已过期 / certificate expired");
  });

  it("refuses a --trust file that is not a certificate, with exit 2", () => {
    const bad = join(dir, "not-a-cert.pem");
    writeFileSync(bad, "hello");
    const r = runCli(["verify", join(dir, "intact.pdf"), "--trust", bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("不是证书文件");
  });
});
