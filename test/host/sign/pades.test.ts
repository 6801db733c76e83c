import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { signExportedFiles } from "../../../host/sign/sign-exported-files";
import { verifyPdfFile } from "../../../host/sign/verify-signature";
import { derLength } from "./support/pdf-attacks";
import { approvedReport, tempDir, writeTestPdf } from "./support/signed-fixtures";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

function pdfsig(path: string): string {
  // pdfsig exits 0 whether or not the signature is valid: only its output counts.
  return spawnSync("pdfsig", [path], { encoding: "utf8" }).stdout;
}

/** The CMS and the two signed byte ranges, cut out by the ByteRange the file states. */
function extractSignature(pdf: Buffer, dir: string): { cms: string; content: string } {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString("latin1"));
  if (match === null) throw new Error("no ByteRange");
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  const padded = Buffer.from(pdf.subarray(a + b + 1, c - 1).toString("latin1"), "hex");
  const cms = join(dir, "sig.der");
  const content = join(dir, "signed-ranges.bin");
  writeFileSync(cms, padded.subarray(0, derLength(padded)));
  writeFileSync(content, Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]));
  return { cms, content };
}

function openssl(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync("openssl", args, { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("PAdES baseline B-B", () => {
  it("pdfsig, openssl and nianbao verify accept the signature, and all three catch one flipped byte", async () => {
    const dir = tempDir();
    const pdfPath = join(dir, "报告.pdf");
    await writeTestPdf(pdfPath);
    const signed = await signExportedFiles({
      pdfPath,
      p12: certs.valid,
      password: TEST_PASSWORD,
      signer: "李秘书",
      report: await approvedReport(),
    });

    const out = pdfsig(pdfPath);
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Signature is Valid");
    expect(out).toContain("Total document signed");
    expect(out).toContain("Signer Certificate Common Name: 木渎镇人民政府");

    const { cms, content } = extractSignature(readFileSync(pdfPath), dir);
    const verified = openssl([
      "cms",
      "-verify",
      "-binary",
      "-inform",
      "DER",
      "-in",
      cms,
      "-content",
      content,
      "-noverify",
      "-out",
      "/dev/null",
    ]);
    expect(verified.stderr).toContain("Verification successful");
    expect(verified.status).toBe(0);
    const printed = openssl(["cms", "-cmsout", "-print", "-inform", "DER", "-in", cms]).stdout;
    expect(printed).toMatch(/id-smime-aa-signingCertificateV2|signingCertificateV2/);
    expect(printed).toContain("messageDigest");
    // B-B forbids the signing-time signed attribute: the time is the dictionary's /M.
    expect(printed).not.toContain("signingTime");

    const check = await verifyPdfFile(pdfPath);
    expect(check).toMatchObject({ valid: true, signer: signed.subject, modifiedAfterSigning: false });
    expect(Math.abs((check.signedAt?.getTime() ?? 0) - signed.signedAt.getTime())).toBeLessThan(1000);

    const bytes = readFileSync(pdfPath);
    const at = bytes.indexOf("stream", bytes.indexOf("/Contents")) + 12;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const flipped = join(dir, "flipped.pdf");
    writeFileSync(flipped, bytes);
    expect(pdfsig(flipped)).toMatch(/Signature is Invalid|Digest Mismatch/);
    const flippedRanges = extractSignature(bytes, join(dir));
    expect(
      openssl([
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        flippedRanges.cms,
        "-content",
        flippedRanges.content,
        "-noverify",
        "-out",
        "/dev/null",
      ]).status,
    ).not.toBe(0);
    expect(await verifyPdfFile(flipped)).toMatchObject({ valid: false, modifiedAfterSigning: true });
  });
});
