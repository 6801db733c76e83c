import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { approvalStatus } from "../../../core/workflow/approval-status";
import { recordSignature } from "../../../core/workflow/record-signature";
import { exportReport } from "../../../host/export/export-report";
import { signExportedFiles } from "../../../host/sign/sign-exported-files";
import { saveReportFile } from "../../../host/storage/report-file";
import { VerifyJson } from "../../../host/cli/commands/verify-command";
import { runCli } from "../../support/run-cli";
import { fazhiTemplate } from "../../support/template";
import { approvedReport, tempDir } from "./support/signed-fixtures";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

const TOOLS = join(import.meta.dirname, "../../tools/ooxml-signature");

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

/** The fixture report, approved, exported to .docx by the real exporter and signed. */
async function signedExport(): Promise<{ dir: string; docx: string; contentHash: string; reportFile: string }> {
  const dir = tempDir();
  const docx = join(dir, "木渎镇2023年法治政府建设报告.docx");
  const report = await approvedReport();
  const reportFile = join(dir, "木渎镇2023.nianbao");
  await exportReport({ report, template: fazhiTemplate(), docxPath: docx });
  const signed = await signExportedFiles({ docxPath: docx, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
  // As `nianbao sign` and the app do: the certificate goes into the report, which `verify --report` requires.
  await saveReportFile(reportFile, recordSignature(report, signed.record));
  return { dir, docx, contentHash: approvalStatus(report).approvedHash ?? "", reportFile };
}

function verify(args: string[]): { status: number | null; json: VerifyJson; text: string } {
  const r = runCli(["verify", ...args, "--json"]);
  const text = runCli(["verify", ...args]).stdout;
  return { status: r.status, json: VerifyJson.parse(JSON.parse(r.stdout)), text };
}

/** A copy of the signed .docx, its entries changed by `edit` and zipped again, without its .p7s. */
function rezipped(docx: string, out: string, edit: (entries: Record<string, Uint8Array>) => void): string {
  const entries = unzipSync(readFileSync(docx));
  edit(entries);
  writeFileSync(out, zipSync(entries));
  return out;
}

/** A copy of `docx` with one byte of `part` changed, zipped again (fflate writes no folder entries). */
function withChangedByte(docx: string, part: string, out: string): string {
  const entries = unzipSync(readFileSync(docx));
  const data = entries[part];
  if (data === undefined) throw new Error(`${part} missing`);
  // A byte inside an attribute value or text, so the XML stays well-formed.
  const at = strFromU8(data).lastIndexOf('"') - 1;
  const changed = new Uint8Array(data);
  changed[at] = (changed[at] ?? 0) === 0x41 ? 0x42 : 0x41;
  entries[part] = changed;
  writeFileSync(out, zipSync(entries));
  return out;
}

/** LibreOffice's verdict per file: one LibreOffice start for all of them. */
function libreOffice(files: string[]): Map<string, string> {
  // Run by its #! line: python3-uno belongs to the system Python.
  const r = spawnSync(join(TOOLS, "lo-verify.py"), files, { encoding: "utf8", timeout: 240_000 });
  const verdicts = new Map<string, string>();
  for (const block of r.stdout.split(/^(?=\S)/m)) {
    const file = files.find((f) => block.startsWith(`${f}:`));
    if (file !== undefined) verdicts.set(file, block);
  }
  return verdicts;
}

function xmlsec(file: string): { status: number | null; out: string } {
  const r = spawnSync("bash", [join(TOOLS, "xmlsec-verify.sh"), file], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe("the .docx package signature (Word's own signature pane)", () => {
  it("is valid for LibreOffice and xmlsec1, and both reject a changed document.xml or document.xml.rels", async () => {
    const { dir, docx, contentHash } = await signedExport();
    const entries = unzipSync(readFileSync(docx));
    const signature = strFromU8(entries["_xmlsignatures/sig1.xml"] ?? new Uint8Array());
    expect(signature).toContain(`内容摘要 SHA-256 ${contentHash}`);
    expect(signature).toContain("签发人 张镇长");
    expect(signature).toContain(
      'URI="/word/document.xml?ContentType=application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"',
    );

    const changedDocument = withChangedByte(docx, "word/document.xml", join(dir, "changed-document.docx"));
    const changedRels = withChangedByte(docx, "word/_rels/document.xml.rels", join(dir, "changed-rels.docx"));

    const ok = xmlsec(docx);
    expect(ok.out).toMatch(/OK: manifest references (\d+)\/\1/);
    expect(ok.status).toBe(0);
    for (const bad of [changedDocument, changedRels]) {
      const r = xmlsec(bad);
      expect(r.status).not.toBe(0);
      expect(r.out).toContain("FAIL");
    }

    // Our own verifier agrees, naming the part.
    expect(verify([changedDocument]).json.docx?.changedParts).toEqual(["word/document.xml"]);
    expect(verify([changedRels]).json.docx?.changedParts).toEqual(["word/_rels/document.xml.rels"]);

    const lo = libreOffice([docx, changedDocument, changedRels]);
    expect(lo.get(docx)).toMatch(
      /1 signature\(s\)\n\s+valid=True certificate=UNTRUSTED signer=CN=木渎镇人民政府,O=苏州市吴中区木渎镇,C=CN/,
    );
    expect(lo.get(changedDocument)).toMatch(/valid=False/);
    expect(lo.get(changedRels)).toMatch(/valid=False/);
  }, 300_000);
});

describe("nianbao verify on a signed .docx", () => {
  let signed: Awaited<ReturnType<typeof signedExport>>;
  beforeAll(async () => {
    signed = await signedExport();
  }, 120_000);

  it("accepts the intact file with or without its .p7s, and reads the approval from the signature", () => {
    const { dir, docx, reportFile } = signed;
    const both = verify([docx, "--report", reportFile]);
    expect(both.status).toBe(0);
    expect(both.json).toMatchObject({
      valid: true,
      signer: "C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府",
      modifiedAfterSigning: false,
      matchesApproved: true,
      docx: { packageSignature: "valid", detachedSignature: "valid", changedParts: [], addedParts: [], removedParts: [] },
    });
    expect(both.text).toContain("Word 内签名    有效");

    // Mailed without the .p7s: the signature inside the file still proves it.
    const alone = join(dir, "mailed.docx");
    copyFileSync(docx, alone);
    expect(verify([alone, "--report", reportFile])).toMatchObject({
      status: 0,
      json: { valid: true, matchesApproved: true, docx: { packageSignature: "valid", detachedSignature: "absent" } },
    });
  });

  it("names a changed document.xml or document.xml.rels and exits 1", () => {
    const { dir, docx } = signed;
    for (const part of ["word/document.xml", "word/_rels/document.xml.rels"]) {
      const changed = withChangedByte(docx, part, join(dir, `changed-${part.replace(/\W/g, "_")}.docx`));
      const r = verify([changed]);
      expect(r.status).toBe(1);
      expect(r.json).toMatchObject({
        valid: false,
        modifiedAfterSigning: true,
        docx: { packageSignature: "invalid", changedParts: [part] },
      });
      expect(r.text).toContain(`被改动的部件  ${part}`);
    }
  });

  it("names a part added to or removed from the package", () => {
    const { dir, docx } = signed;
    const added = rezipped(docx, join(dir, "added.docx"), (entries) => {
      entries["word/media/image9.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      const rels = strFromU8(entries["word/_rels/document.xml.rels"] ?? new Uint8Array());
      entries["word/_rels/document.xml.rels"] = strToU8(
        rels.replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image9.png"/></Relationships>',
        ),
      );
    });
    const a = verify([added]);
    expect(a.status).toBe(1);
    expect(a.json.docx?.addedParts).toEqual(["word/_rels/document.xml.rels#rId99", "word/media/image9.png"]);

    const removed = rezipped(docx, join(dir, "removed.docx"), (entries) => {
      delete entries["word/footer2.xml"];
    });
    const r = verify([removed]);
    expect(r.status).toBe(1);
    expect(r.json.docx?.removedParts).toEqual(["word/footer2.xml"]);
    expect(r.text).toContain("被删除的部件  word/footer2.xml");
  });

  it("refuses a signature with a wrapped copy of a signed object, or a changed signature value", () => {
    const { dir, docx } = signed;
    const signature = (entries: Record<string, Uint8Array>) => strFromU8(entries["_xmlsignatures/sig1.xml"] ?? new Uint8Array());
    const wrapped = rezipped(docx, join(dir, "wrapped.docx"), (entries) => {
      const xml = signature(entries);
      const forged = '<Object Id="idPackageObject"><Manifest></Manifest></Object>';
      entries["_xmlsignatures/sig1.xml"] = strToU8(xml.replace("<KeyInfo>", `${forged}<KeyInfo>`));
    });
    const w = verify([wrapped]);
    expect(w.status).toBe(1);
    expect(w.text).toContain("同一 Id 出现多次");

    const resigned = rezipped(docx, join(dir, "signature-value.docx"), (entries) => {
      entries["_xmlsignatures/sig1.xml"] = strToU8(
        signature(entries).replace(/<SignatureValue>(.)/, (_, c: string) => `<SignatureValue>${c === "A" ? "B" : "A"}`),
      );
    });
    const r = verify([resigned]);
    expect(r.status).toBe(1);
    expect(r.json).toMatchObject({ valid: false, modifiedAfterSigning: true, docx: { packageSignature: "invalid" } });
    expect(r.text).toContain("签名值无效");

    const broken = rezipped(docx, join(dir, "broken-signature.docx"), (entries) => {
      entries["_xmlsignatures/sig1.xml"] = strToU8("<Signature xmlns='http://www.w3.org/2000/09/xmldsig#'><?pi x?><SignedInfo>");
    });
    expect(verify([broken])).toMatchObject({ status: 1, json: { valid: false, docx: { packageSignature: "invalid" } } });
  });

  it("does not take the approval from document properties changed after signing", () => {
    const { dir, docx, reportFile } = signed;
    const forged = rezipped(docx, join(dir, "forged-properties.docx"), (entries) => {
      const custom = strFromU8(entries["docProps/custom.xml"] ?? new Uint8Array());
      entries["docProps/custom.xml"] = strToU8(
        custom.replace(/<vt:lpwstr>[0-9a-f]{64}<\/vt:lpwstr>/, `<vt:lpwstr>${"0".repeat(64)}</vt:lpwstr>`),
      );
    });
    const r = verify([forged, "--report", reportFile]);
    expect(r.status).toBe(1);
    expect(r.text).toContain("文件属性中的签发稿摘要与签名中记录的不一致");
  });

  it("exits 1 for bytes appended or prepended to the zip, and for a damaged file, with or without the .p7s", () => {
    const { dir, docx } = signed;
    const bytes = readFileSync(docx);
    const p7s = readFileSync(`${docx}.p7s`);
    const cases: [string, Buffer][] = [
      ["appended", Buffer.concat([bytes, Buffer.from("PK\u0005\u0006 hidden")])],
      ["prepended", Buffer.concat([Buffer.from("%PDF-1.7\n"), bytes])],
      ["truncated", bytes.subarray(0, bytes.length - 100)],
      ["garbage", Buffer.from("这不是 Word 文件")],
    ];
    for (const [name, content] of cases) {
      const alone = join(dir, `${name}.docx`);
      writeFileSync(alone, content);
      const r = verify([alone]);
      expect(r.status, name).toBe(1);
      expect(r.json.valid, name).toBe(false);
      const withP7s = join(dir, `${name}-with-p7s.docx`);
      writeFileSync(withP7s, content);
      writeFileSync(`${withP7s}.p7s`, p7s);
      expect(verify([withP7s]).status, `${name} with .p7s`).toBe(1);
    }
    const appended = verify([join(dir, "appended.docx")]);
    expect(appended.json.modifiedAfterSigning).toBe(true);
    expect(appended.text).toContain("压缩包末尾有多余的数据");
    expect(verify([join(dir, "prepended.docx")]).text).toContain("压缩包开头有多余的数据");
  });
});
