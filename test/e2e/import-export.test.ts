import { execFileSync } from "node:child_process";
import { runCli } from "../support/run-cli";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { verifyPdfFile } from "../../host/sign/verify-signature";
import { makeTestCertificates, TEST_PASSWORD } from "../host/sign/support/test-certificates";
import { artifacts, FIXTURE_NAME as FIXTURE, placeFixture, settledChecks, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";
import { documentXml } from "../support/tracked-changes";

/** f2 of the rolled-forward fixture: 超36万件 last year; f4 is its bound 同比增长 growth field. */
const ACCEPTED = "受理各类审批服务事项";
const ACCEPTED_GROWTH = "受理各类审批服务事项同比增长";

describe("browser mode: last year's report to this year's files", () => {
  let session: E2eBrowser;
  let page: Page;
  const docs = () => session.docs;

  beforeAll(async () => {
    session = await startE2eBrowser();
    placeFixture(docs());
    page = await session.newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("imports with roll-forward, fills and confirms a number, exports Word and PDF, and keeps it all after a reload", async () => {
    await page.goto(session.serve.url);
    await page.getByRole("button", { name: "导入上年报告", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "导入上年报告" });
    await dialog.getByRole("button", { name: `📄 ${FIXTURE}` }).click();
    const recognised = dialog.getByRole("region", { name: "识别结果" });
    await recognised.waitFor();
    await expect(recognised.locator("ol > li").count()).resolves.toBe(4);
    await expect(recognised.textContent()).resolves.toContain(`${ACCEPTED}：超 36 万件`);
    await expect(dialog.getByRole("checkbox", { name: /以上年报告为基础新建 2024 年度/ }).isChecked()).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, "import-preview.png") });
    await dialog.getByRole("button", { name: "确认导入" }).click();

    await page.locator(".report-body").waitFor();
    await expect.poll(() => page.title()).toContain("● 2024年度木渎镇法治政府建设工作报告");
    const outline = page.getByRole("region", { name: "大纲" });
    await expect
      .poll(() => outline.locator(".outline__jump").allTextContents())
      .toEqual([
        expect.stringContaining("主要负责人"),
        expect.stringContaining("主要举措和成效"),
        expect.stringContaining("不足"),
        expect.stringContaining("下一年度"),
      ]);

    await page.getByRole("button", { name: "检查", exact: true }).click();
    const checks = await settledChecks(page);
    const acceptedFindings = checks.getByRole("button", { name: new RegExp(`^“${ACCEPTED}”`) });
    // Findings come from the checks worker a moment after the panel opens.
    await expect
      .poll(() => acceptedFindings.allTextContents())
      .toEqual([`“${ACCEPTED}”尚未填写数值`, expect.stringContaining(`“${ACCEPTED}”尚未确认`)]);
    // A finding leads to its place: the chip of the field it is about, highlighted, not selected.
    await acceptedFindings.first().click();
    await expect.poll(() => page.locator(".locate-flash[data-field-id='f2'], .locate-flash [data-field-id='f2']").count()).toBe(1);
    await expect(page.locator(".ProseMirror-selectednode").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "检查", exact: true }).click();

    const growthChip = page.getByLabel(`字段 ${ACCEPTED_GROWTH}：【缺数】，未确认`);
    await expect(growthChip.count()).resolves.toBe(1);
    await page.getByLabel(`字段 ${ACCEPTED}：【缺数】，未确认`).first().click();
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    await expect(popover.getByText("超36万件", { exact: true }).count()).resolves.toBe(1);
    await expect(popover.getByLabel("同比").textContent()).resolves.toBe("请先填写本年数值");
    await popover.getByLabel("数值").fill("400000");
    // Live, before anything is applied: 400000 against 360000.
    await expect(popover.getByLabel("同比").textContent()).resolves.toBe("同比增长11.11%");
    await popover.getByLabel("数值").fill("306000");
    await expect(popover.getByLabel("同比").textContent()).resolves.toBe("同比下降15%");
    await popover.getByLabel("数值").fill("400000");
    await page.screenshot({ path: join(artifacts, "field-popover-yoy.png") });
    await popover.getByRole("button", { name: "确认数值" }).click();
    await expect(popover.count()).resolves.toBe(0);

    await expect(page.getByLabel(`字段 ${ACCEPTED}：超 40 万件`).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel(`字段 ${ACCEPTED_GROWTH}：11.11%`, { exact: true }).count()).resolves.toBe(1);
    // The computed 同比 is as confirmed as its base: no 未确认 of its own.
    await expect.poll(() => acceptedFindings.count()).toBe(0);
    await page.screenshot({ path: join(artifacts, "editor-imported-checks.png") });

    // Never saved yet: once autosave has copied the confirmed value, a reload brings it back.
    const recoveryDir = join(session.state, "recovery");
    await expect
      .poll(
        () =>
          existsSync(recoveryDir) &&
          readdirSync(recoveryDir).some(
            (n) => n.endsWith(".json") && readFileSync(join(recoveryDir, n), "utf8").includes('"value":"400000"'),
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await page.locator(".report-body").waitFor();
    await expect(page.getByLabel(`字段 ${ACCEPTED_GROWTH}：11.11%`, { exact: true }).count()).resolves.toBe(1);
    await expect.poll(() => page.title()).toMatch(/^● /);

    await page.getByRole("button", { name: "上年对照", exact: true }).click();
    const compare = page.getByRole("region", { name: "上年对照" });
    await expect(compare.textContent()).resolves.toMatch(/与上年相同的文字占 \d+%/);
    const plan = compare.getByRole("list", { name: "上年计划" }).getByRole("listitem").first();
    await plan.getByRole("button", { name: "标为未落实" }).click();
    await plan.getByLabel("未落实的原因").fill("因机构调整顺延至下一年度");
    await plan.getByRole("button", { name: "确定" }).click();
    await expect(plan.textContent()).resolves.toContain("未落实：因机构调整顺延至下一年度");

    await page.getByRole("button", { name: "保存", exact: true }).click();
    const save = page.getByRole("dialog", { name: "保存报告" });
    await save.getByLabel("文件名").fill("木渎2024");
    await save.getByRole("button", { name: "保存到此处" }).click();
    await expect.poll(() => page.title()).toBe("2024年度木渎镇法治政府建设工作报告 — 木渎2024.nianbao — 年报");

    await page.getByRole("button", { name: "导出 Word", exact: true }).click();
    const exporter = page.getByRole("dialog", { name: "导出" });
    await exporter.getByRole("button", { name: "开始导出" }).click();
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 60_000 });
    const docx = join(docs(), "木渎2024.docx");
    expect(documentXml(docx).replace(/<[^>]+>/g, "")).toContain("超 40 万件");
    await exporter.getByRole("button", { name: "关闭" }).click();

    await page.getByRole("button", { name: "导出 PDF", exact: true }).click();
    await exporter.getByRole("button", { name: "打印预览" }).click();
    const preview = exporter.getByRole("document", { name: "打印预览" });
    await expect.poll(() => preview.getAttribute("data-preview"), { timeout: 60_000 }).toBe("ready");
    await expect
      .poll(() => preview.locator(".textLayer").allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringMatching(/超\s*40\s*万件/)]));
    const pagesText = await exporter.getByText(/共 \d+ 页/).textContent();
    await exporter.getByRole("button", { name: "开始导出" }).click();
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(artifacts, "export-dialog.png") });
    const pdf = join(docs(), "木渎2024.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(pagesText).toContain(`共 ${pages} 页`);
    await expect(exporter.textContent()).resolves.toContain(`PDF 共 ${pages} 页`);
    await expect(page.getByRole("contentinfo", { name: "状态栏" }).textContent()).resolves.toContain(`${pages} 页`);
    expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s/g, "")).toContain(`${ACCEPTED}超40万件`);
    await exporter.getByRole("button", { name: "关闭" }).click();

    await page.reload();
    await page.locator(".report-body").waitFor();
    await expect(page.getByLabel(`字段 ${ACCEPTED}：超 40 万件`).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel(`字段 ${ACCEPTED_GROWTH}：11.11%`, { exact: true }).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect((await settledChecks(page)).getByRole("button", { name: new RegExp(`^“${ACCEPTED}”`) }).count()).resolves.toBe(0);
    const saved = Report.parse(JSON.parse(readFileSync(join(docs(), "木渎2024.nianbao"), "utf8")));
    expect(saved.fields["f2"]).toMatchObject({ value: "400000", status: "confirmed", lastYear: { value: "360000" } });
    expect(saved.plans).toEqual([expect.objectContaining({ status: "notDone", reason: "因机构调整顺延至下一年度" })]);
    expect(existsSync(docx) && existsSync(pdf)).toBe(true);
    await page.screenshot({ path: join(artifacts, "editor-imported-after-reload.png") });
    expect(session.pageErrors).toEqual([]);
  });

  it("takes the report through 签发: read-only once approved, then signs the exported PDF with a .p12", async () => {
    const certs = makeTestCertificates();
    copyFileSync(certs.valid, join(docs(), "单位证书.p12"));
    await page.getByRole("button", { name: "签发", exact: true }).click();
    const panel = page.getByRole("region", { name: "签发" });
    await panel.getByLabel("姓名").fill("张三");
    await panel.getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：审核中");
    // 签发 waits for 审核通过.
    await expect(panel.getByRole("button", { name: "签发", exact: true }).count()).resolves.toBe(0);
    await panel.getByLabel("姓名").fill("王五");
    await panel.getByLabel("身份").selectOption("审核人");
    await panel.getByRole("button", { name: "审核通过" }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：待签发");
    await panel.getByLabel("姓名").fill("李四");
    await panel.getByLabel("身份").selectOption("签发人");
    await panel.getByLabel("意见").fill("同意印发");
    // Twenty numbers are still last year's and unconfirmed: 签发 is refused and says which.
    await panel.getByRole("button", { name: "签发", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("须先处理才能签发");
    // The notice says how many and where; the 检查 panel opens with the list.
    await expect.poll(() => page.getByRole("region", { name: "检查" }).textContent()).toContain("尚未确认");
    await page.getByRole("button", { name: "签发", exact: true }).click();
    await expect(panel.textContent()).resolves.toContain("当前状态：待签发");
    await page.screenshot({ path: join(artifacts, "signoff-blocked.png") });
    // The clerk fills and confirms the rest (here in one go with the CLI on the saved file) and reopens it.
    const file = join(docs(), "木渎2024.nianbao");
    const listed = JSON.parse(runCli(["fields", file, "--json"]).stdout) as {
      id: string;
      status: string;
      text: string | null;
      lastYearText: string | null;
    }[];
    // A growth bound to its base already shows the computed rate: that is the value to confirm.
    const fill = listed
      .filter((f) => f.status !== "confirmed")
      .flatMap((f) => ["--set", `${f.id}=${f.text ?? f.lastYearText ?? ""}`, "--confirm", f.id]);
    expect(runCli(["fields", file, ...fill]).status).toBe(0);
    await page.reload();
    await page.locator(".report-body").waitFor();
    await page.getByRole("button", { name: "签发", exact: true }).click();
    await panel.getByLabel("姓名").fill("李四");
    await panel.getByLabel("身份").selectOption("签发人");
    await panel.getByLabel("意见").fill("同意印发");
    await panel.getByRole("button", { name: "签发", exact: true }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：已签发");
    await expect.poll(() => page.locator(".report-body").getAttribute("contenteditable")).toBe("false");
    // 沿用上年 is a working mark: its colour is gone from the approved report.
    const carried = page.locator(".report-body p[data-carried='true']");
    await expect(carried.count()).resolves.toBeGreaterThan(0);
    await expect(carried.first().evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe("rgba(0, 0, 0, 0)");
    await expect(page.getByRole("note").first().textContent()).resolves.toContain("内容已冻结");
    // The step is in the file: a reload finds the report approved and still frozen.
    await expect.poll(() => page.title()).not.toMatch(/^● /);
    await page.reload();
    await page.locator(".report-body").waitFor();
    await expect.poll(() => page.locator(".report-body").getAttribute("contenteditable")).toBe("false");
    await page.getByRole("button", { name: "签发", exact: true }).click();
    await expect(panel.textContent()).resolves.toContain("李四（签发人） · 签发 → 已签发");

    const pdf = join(docs(), "木渎2024.pdf");
    await page.getByRole("button", { name: "导出 PDF", exact: true }).click();
    const exporter = page.getByRole("dialog", { name: "导出" });
    await exporter.getByRole("button", { name: "开始导出" }).click();
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 60_000 });
    await exporter.getByRole("button", { name: "关闭" }).click();
    const signing = page.getByRole("form", { name: "数字签名" });
    await expect(signing.getByLabel("PDF 文件").inputValue()).resolves.toBe(pdf);
    await signing.getByLabel("证书文件").fill(join(docs(), "单位证书.p12"));
    await signing.getByLabel("证书密码").fill(TEST_PASSWORD);
    await signing.getByRole("button", { name: "签名" }).click();
    await expect.poll(() => signing.getByRole("status").textContent(), { timeout: 30_000 }).toContain("已签名");
    await expect(signing.getByLabel("证书密码").inputValue()).resolves.toBe("");
    await page.screenshot({ path: join(artifacts, "signoff-signed.png") });
    await expect(signing.getByRole("status").textContent()).resolves.toContain("签名有效 / signature valid");
    await expect(signing.getByRole("status").textContent()).resolves.toContain("未检查证书链 / chain not checked");
    const verified = await verifyPdfFile(pdf);
    expect(verified).toMatchObject({ valid: true });
    // The signing certificate is recorded in the saved report, for `verify --report`.
    await expect
      .poll(() => readFileSync(join(docs(), "木渎2024.nianbao"), "utf8"))
      .toContain(`"fingerprint": "${verified.certificate?.fingerprint ?? "?"}"`);
    expect(readFileSync(join(docs(), "木渎2024.nianbao"), "utf8")).not.toContain(TEST_PASSWORD);
    expect(session.pageErrors).toEqual([]);
  });
});
