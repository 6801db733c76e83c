import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { check9704 } from "../../support/pdf-readers";
import { finishedReport } from "../../support/finished-report";
import { runCli } from "../../support/run-cli";
import { saveReportFile } from "../../../host/storage/report-file";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "../sign/support/test-certificates";

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

describe("nianbao sign on an exported report", () => {
  it("exports the approved report to GB/T 9704 PDF and .docx, signs both, and verify accepts them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-sign-export-"));
    const file = join(dir, "木渎镇2023.nianbao");
    await saveReportFile(file, await finishedReport());
    for (const [step, who, role] of [
      ["submit", "王小明", "拟稿人"],
      ["review", "李审核", "审核人"],
      ["approve", "张镇长", "签发人"],
    ] as const) {
      expect(runCli(["workflow", file, step, "--as", who, "--role", role]).status).toBe(0);
    }
    const pdf = join(dir, "signed.pdf");
    const docx = join(dir, "signed.docx");
    const signed = runCli(
      ["sign", file, "--p12", certs.valid, "--password-env", "NIANBAO_TEST_P12", "--signer", "李秘书", "--pdf", pdf, "--docx", docx],
      { env: { NIANBAO_TEST_P12: TEST_PASSWORD } },
    );
    expect(signed.stderr).toBe("");
    expect(signed.status).toBe(0);
    expect(existsSync(`${docx}.p7s`)).toBe(true);
    // The signed PDF is still the GB/T 9704 page the export printed.
    expect(check9704(pdf).summary).toMatch(/full-line chars 28/);
    // The certificate is recorded in the report, and verify names the same one.
    const fingerprint = /证书指纹（SHA-256）([0-9a-f]{64})/.exec(signed.stdout)?.[1] ?? "none";
    expect(readFileSync(file, "utf8")).toContain(`"fingerprint": "${fingerprint}"`);
    const verified = runCli(["verify", pdf, "--report", file]);
    expect(verified.stdout).toContain(`证书指纹      SHA-256 ${fingerprint}`);
    expect(verified.status).toBe(0);
    expect(runCli(["verify", docx, `${docx}.p7s`, "--report", file]).status).toBe(0);
  });
});
