import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { signExportedFiles } from "../../../host/sign/sign-exported-files";
import { loadReportFile } from "../../../host/storage/report-file";
import { saveReportGuarded, updateReportFile } from "../../../host/workflow/save-report-guarded";
import { recordSignature } from "../../../core/workflow/record-signature";
import { VerifyJson } from "../../../host/cli/commands/verify-command";
import { runCli } from "../../support/run-cli";
import { tempDir, writeTestDocx, writeTestPdf } from "./support/signed-fixtures";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

function newReport(dir: string): string {
  const file = join(dir, "木渎镇2024.nianbao");
  // The published report as it stands: complete and confirmed, so 签发 is not blocked by 检查.
  expect(runCli(["import", FIXTURE_MARKDOWN, "-o", file]).status).toBe(0);
  return file;
}

function approve(file: string): void {
  expect(runCli(["workflow", file, "submit", "--as", "王小明", "--role", "拟稿人", "--comment", "请审核"]).status).toBe(0);
  expect(runCli(["workflow", file, "review", "--as", "李审核", "--role", "审核人"]).status).toBe(0);
  const approved = runCli(["workflow", file, "approve", "--as", "张镇长", "--role", "签发人"]);
  expect(approved.stderr).toBe("");
  expect(approved.stdout).toContain("已签发");
}

function verifyJson(args: string[]): { status: number | null; json: VerifyJson } {
  const r = runCli(["verify", ...args, "--json"]);
  return { status: r.status, json: VerifyJson.parse(JSON.parse(r.stdout)) };
}

describe("nianbao workflow", () => {
  it("takes a report through 拟稿 → 审核 → 签发, fills the 成文日期 and shows the history", () => {
    const file = newReport(tempDir());
    const wrongRole = runCli(["workflow", file, "submit", "--as", "张镇长", "--role", "签发人"]);
    expect(wrongRole.status).toBe(2);
    expect(wrongRole.stderr).toContain("提交审核须由拟稿人办理");
    approve(file);
    const inspect = JSON.parse(runCli(["inspect", file, "--json"]).stdout) as { date: string | null; workflow: { state: string } };
    expect(inspect.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inspect.workflow.state).toBe("approved");
    const history = runCli(["workflow", file]).stdout;
    expect(history).toContain("提交审核  拟稿人 王小明：请审核");
    expect(history).toContain("审核通过  审核人 李审核");
    expect(history).toContain("签发  签发人 张镇长");
  });

  it("obeys the unit's rule that drafter, reviewer and approver are different people", () => {
    const file = newReport(tempDir());
    expect(runCli(["workflow", file, "submit", "--as", "王小明", "--role", "拟稿人"]).status).toBe(0);
    const self = runCli(["workflow", file, "review", "--as", "王小明", "--role", "审核人"]);
    expect(self.status).toBe(2);
    expect(self.stderr).toContain("拟稿人、审核人、签发人为不同人员");
    expect(runCli(["workflow", file, "review", "--as", "李审核", "--role", "审核人"]).stdout).toContain("状态“待签发”");
    expect(runCli(["workflow", file, "approve", "--as", "李审核", "--role", "签发人"]).status).toBe(2);
    expect(runCli(["workflow", file]).stdout).toContain("状态  待签发（第 1 稿）");
  });

  it("refuses to save edits to an approved report until a revision is made, keeping history", async () => {
    const file = newReport(tempDir());
    approve(file);
    const { report } = await loadReportFile(file);
    const edited = { ...report, meta: { ...report.meta, title: "签发后改了标题" } };
    const refused = await saveReportGuarded(file, edited).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(NianbaoError);
    expect((refused as NianbaoError).zh).toContain("请先“修订”");
    expect((refused as NianbaoError).message).toContain("nianbao workflow <file> revise");
    expect((await loadReportFile(file)).report.meta.title).toBe(report.meta.title);

    expect(runCli(["workflow", file, "revise", "--as", "王小明", "--role", "拟稿人"]).status).toBe(0);
    const { report: revised } = await loadReportFile(file);
    await saveReportGuarded(file, { ...revised, meta: { ...revised.meta, title: "第二稿标题" } });
    const { report: saved } = await loadReportFile(file);
    expect(saved.meta.title).toBe("第二稿标题");
    expect(saved.workflow.revision).toBe(2);
    expect(saved.revisions[0]?.content.meta.title).toBe(report.meta.title);
    expect(runCli(["workflow", file]).stdout).toContain("已冻结：第 1 稿");
  });
});

describe("nianbao verify", () => {
  it("exits 0 for an intact signed PDF and .docx matching the approved report, 1 once changed", async () => {
    const dir = tempDir();
    const file = newReport(dir);
    approve(file);
    const pdf = join(dir, "报告.pdf");
    const docx = join(dir, "报告.docx");
    await writeTestPdf(pdf);
    await writeTestDocx(docx);
    const { report } = await loadReportFile(file);
    const signed = await signExportedFiles({
      pdfPath: pdf,
      docxPath: docx,
      p12: certs.valid,
      password: TEST_PASSWORD,
      signer: "李秘书",
      report,
    });
    const unrecorded = runCli(["verify", pdf, "--report", file]);
    expect(unrecorded.status).toBe(1);
    expect(unrecorded.stdout).toContain("没有第 1 稿的签名记录");
    await updateReportFile(file, ({ report: current }) => recordSignature(current, signed.record));

    const ok = verifyJson([pdf, "--report", file]);
    expect(ok.status).toBe(0);
    expect(ok.json).toMatchObject({
      valid: true,
      signer: "C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府",
      modifiedAfterSigning: false,
      matchesApproved: true,
    });
    expect(ok.json.signedAt).not.toBeNull();
    expect(ok.json.certificate).toEqual(signed.record.certificate);
    expect(ok.json.certificate?.issuer).toBe("C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府");
    expect(ok.json.chain).toEqual({ status: "notChecked", detail: null });
    expect(verifyJson([docx, `${docx}.p7s`, "--report", file])).toMatchObject({ status: 0, json: { valid: true, matchesApproved: true } });
    expect(verifyJson([docx])).toMatchObject({ status: 0, json: { valid: true, matchesApproved: null } });
    const text = runCli(["verify", pdf]);
    expect(text.stdout).toContain("签名有效");
    expect(text.stdout).toContain("木渎镇人民政府");
    expect(text.stdout).toContain(`证书指纹      SHA-256 ${signed.record.certificate.fingerprint}`);
    expect(text.stdout).toContain(`序列号        ${signed.record.certificate.serial}`);
    expect(text.stdout).toContain("未检查证书链 / chain not checked");

    const bytes = readFileSync(pdf);
    const at = bytes.indexOf("stream", bytes.indexOf("/Contents")) + 12;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(pdf, bytes);
    expect(verifyJson([pdf])).toMatchObject({ status: 1, json: { valid: false, modifiedAfterSigning: true } });
    expect(runCli(["verify", pdf]).stdout).toContain("签名后被改动  是");

    writeFileSync(docx, Buffer.concat([readFileSync(docx), Buffer.from("x")]));
    expect(verifyJson([docx])).toMatchObject({ status: 1, json: { valid: false, modifiedAfterSigning: true } });

    expect(runCli(["workflow", file, "revise", "--as", "王小明", "--role", "拟稿人"]).status).toBe(0);
    const fresh = join(dir, "新.pdf");
    await writeTestPdf(fresh);
    await signExportedFiles({ pdfPath: fresh, p12: certs.valid, password: TEST_PASSWORD, signer: "李秘书", report });
    const stale = runCli(["verify", fresh, "--report", file]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toContain("较早的第 1 稿");
  });

  it("exits 2 with a message for a missing file or an unsupported one", () => {
    const dir = tempDir();
    const missing = runCli(["verify", join(dir, "none.pdf")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("找不到");
    const txt = join(dir, "a.txt");
    writeFileSync(txt, "hello");
    expect(runCli(["verify", txt]).status).toBe(2);
    const fakePdf = join(dir, "fake.pdf");
    writeFileSync(fakePdf, "not a pdf");
    const fake = runCli(["verify", fakePdf]);
    expect(fake.status).toBe(2);
    expect(fake.stderr).toContain("不是 PDF");
  });
});

describe("nianbao sign", () => {
  it("refuses an unapproved report, a missing password variable and a wrong password, writing nothing", () => {
    const dir = tempDir();
    const file = newReport(dir);
    const pdf = join(dir, "out.pdf");
    const args = ["sign", file, "--p12", certs.valid, "--password-env", "NIANBAO_TEST_P12", "--signer", "李秘书", "--pdf", pdf];
    const draft = runCli(args, { env: { NIANBAO_TEST_P12: TEST_PASSWORD } });
    expect(draft.status).toBe(2);
    expect(draft.stderr).toContain("尚未签发");
    approve(file);
    const noVar = runCli(args);
    expect(noVar.status).toBe(2);
    expect(noVar.stderr).toContain("NIANBAO_TEST_P12 未设置");
    const wrong = runCli(args, { env: { NIANBAO_TEST_P12: "wrong-secret-999" } });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("证书密码不正确");
    expect(wrong.stderr + wrong.stdout).not.toContain("wrong-secret-999");
    expect(existsSync(pdf)).toBe(false);
  });
});
