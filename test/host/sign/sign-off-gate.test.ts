import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";
import { runCli } from "../../support/run-cli";
import { tempDir } from "./support/signed-fixtures";
import { makeTestCertificates, TEST_PASSWORD, type TestCertificates } from "./support/test-certificates";

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
});

interface Listed {
  id: string;
  lastYearText: string | null;
}

describe("签发 and 签名 wait for 检查", () => {
  it("refuse a rolled-forward report with unfilled numbers, naming the findings, and pass once every number is filled and confirmed", () => {
    const dir = tempDir();
    const file = join(dir, "2024.nianbao");
    expect(runCli(["import", FIXTURE_MARKDOWN, "--roll-forward", "-o", file]).status).toBe(0);
    expect(runCli(["workflow", file, "submit", "--as", "王小明", "--role", "拟稿人"]).status).toBe(0);
    expect(runCli(["workflow", file, "review", "--as", "李审核", "--role", "审核人"]).status).toBe(0);
    const pdf = join(dir, "2024.pdf");
    const sign = () =>
      runCli(["sign", file, "--p12", certs.valid, "--password-env", "P12", "--signer", "李秘书", "--pdf", pdf], {
        env: { P12: TEST_PASSWORD },
      });

    const before = readFileSync(file, "utf8");
    const approve = runCli(["workflow", file, "approve", "--as", "张镇长", "--role", "签发人"]);
    expect(approve.status).toBe(2);
    expect(approve.stderr).toContain("须先处理才能签发");
    expect(approve.stderr).toContain("[FIELD-EMPTY] “受理各类审批服务事项”尚未填写数值");
    expect(approve.stderr).toContain("block approval: FIELD-EMPTY, FIELD-UNCONFIRMED");
    expect(readFileSync(file, "utf8")).toBe(before);
    const refusedSign = sign();
    expect(refusedSign.status).toBe(2);
    expect(refusedSign.stderr).toContain("须先处理才能签名");
    expect(existsSync(pdf)).toBe(false);

    // The clerk fills every number (here: last year's, as written) and confirms each one.
    const fields = JSON.parse(runCli(["fields", file, "--json"]).stdout) as Listed[];
    const args = fields.flatMap((f) => ["--set", `${f.id}=${f.lastYearText ?? ""}`, "--confirm", f.id]);
    expect(runCli(["fields", file, ...args]).status).toBe(0);
    const approved = runCli(["workflow", file, "approve", "--as", "张镇长", "--role", "签发人"]);
    expect(approved.stderr).toBe("");
    expect(approved.status).toBe(0);
    const signed = sign();
    expect(signed.stderr).toBe("");
    expect(signed.status).toBe(0);
    expect(existsSync(pdf)).toBe(true);
  });
});
