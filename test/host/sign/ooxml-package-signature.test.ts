import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { approvalStatus } from "../../../core/workflow/approval-status";
import { exportReport } from "../../../host/export/export-report";
import { signExportedFiles } from "../../../host/sign/sign-exported-files";
import { fazhiTemplate } from "../../support/template";
import { approvedReport, tempDir } from "./support/signed-fixtures";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

const TOOLS = join(import.meta.dirname, "../../tools/ooxml-signature");

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

/** The fixture report, approved, exported to .docx by the real exporter and signed. */
async function signedExport(): Promise<{ dir: string; docx: string; contentHash: string }> {
  const dir = tempDir();
  const docx = join(dir, "木渎镇2023年法治政府建设报告.docx");
  const report = await approvedReport();
  await exportReport({ report, template: fazhiTemplate(), docxPath: docx });
  await signExportedFiles({ docxPath: docx, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
  return { dir, docx, contentHash: approvalStatus(report).approvedHash ?? "" };
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

    const lo = libreOffice([docx, changedDocument, changedRels]);
    expect(lo.get(docx)).toMatch(
      /1 signature\(s\)\n\s+valid=True certificate=UNTRUSTED signer=CN=木渎镇人民政府,O=苏州市吴中区木渎镇,C=CN/,
    );
    expect(lo.get(changedDocument)).toMatch(/valid=False/);
    expect(lo.get(changedRels)).toMatch(/valid=False/);
  }, 300_000);
});
