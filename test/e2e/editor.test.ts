import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { artifacts, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";
import type { ServeProcess } from "../support/serve-process";

describe("browser mode end to end", () => {
  let session: E2eBrowser;
  let serve: ServeProcess;
  let page: Page;
  let docs: string;
  let pageErrors: string[];

  beforeAll(async () => {
    session = await startE2eBrowser();
    ({ serve, docs, pageErrors } = session);
    page = await session.newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("creates a report, takes Chinese text and a field, saves, and is all there after a reload", async () => {
    await page.goto(serve.url);
    // The token leaves the address bar once the page has it.
    await page.waitForFunction(() => !location.hash.includes("token"));

    await page.getByLabel("发文机关").fill("木渎镇人民政府");
    await page.getByLabel("报告年度").fill("2024");
    await page.getByRole("button", { name: "新建报告" }).click();
    await page.locator(".report-body").waitFor();
    await expect.poll(() => page.title()).toContain("● 2024年度木渎镇人民政府法治政府建设工作报告");
    for (const name of ["新建报告", "导入上年报告", "打开", "保存", "导出 Word", "导出 PDF", "检查", "字段", "签发"]) {
      await expect(page.getByRole("button", { name, exact: true }).count()).resolves.toBe(1);
    }

    const outline = page.getByRole("region", { name: "大纲" });
    await expect(outline.getByRole("button").allTextContents()).resolves.toHaveLength(4);

    // The empty paragraph under part one.
    await page.locator(".report-body section[data-part='duty'] p").first().click();
    await page.keyboard.type("本年度，镇党委书记主持召开法治建设专题会议");
    // A real IME composition through Chromium's input pipeline: pinyin first, then the committed text.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "si", selectionStart: 2, selectionEnd: 2 });
    await cdp.send("Input.imeSetComposition", { text: "四次", selectionStart: 2, selectionEnd: 2 });
    await cdp.send("Input.insertText", { text: "四次" });
    await page.keyboard.type("，办理行政复议案件");

    await page.getByRole("button", { name: "插入字段" }).click();
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    await popover.getByLabel("数值").fill("135");
    await popover.getByLabel("单位").fill("件");
    await popover.getByLabel("名称").fill("行政复议案件");
    await popover.getByLabel("来源").fill("区司法局");
    await popover.getByRole("button", { name: "确认数值" }).click();
    await expect(popover.count()).resolves.toBe(0);
    await page.waitForFunction(() => document.activeElement?.classList.contains("ProseMirror") === true);
    await page.keyboard.type("，全部依法办结。");

    const paragraph = page.locator(".report-body section[data-part='duty'] p").first();
    await expect(paragraph.textContent()).resolves.toBe(
      "本年度，镇党委书记主持召开法治建设专题会议四次，办理行政复议案件135件，全部依法办结。",
    );
    await expect(page.getByLabel("字段 行政复议案件：135件").count()).resolves.toBe(1);

    await page.getByRole("button", { name: "字段", exact: true }).click();
    const fieldsPanel = page.getByRole("region", { name: "字段" });
    await expect(fieldsPanel.getByRole("button", { name: "已确认" }).count()).resolves.toBe(1);
    // The label locates the chip.
    await fieldsPanel.getByRole("button", { name: "行政复议案件", exact: true }).click();
    await expect
      .poll(() => page.locator(".ProseMirror-selectednode [data-field-id], [data-field-id].ProseMirror-selectednode").count())
      .toBe(1);

    await page.getByRole("button", { name: "报告信息" }).click();
    const info = page.getByRole("dialog", { name: "报告信息" });
    await info.getByLabel("发文字号").fill("木政发〔2025〕3号");
    await info.getByRole("button", { name: "确定" }).click();
    await page.screenshot({ path: join(artifacts, "editor-before-save.png") });

    await page.getByRole("button", { name: "保存", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "保存报告" });
    await dialog.getByLabel("文件名").fill("木渎2024");
    await dialog.getByRole("button", { name: "保存到此处" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已保存" }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.title()).toBe("2024年度木渎镇人民政府法治政府建设工作报告 — 木渎2024.nianbao — 年报");

    expect(readdirSync(docs)).toContain("木渎2024.nianbao");
    const saved = Report.parse(JSON.parse(readFileSync(join(docs, "木渎2024.nianbao"), "utf8")));
    const savedField = Object.values(saved.fields)[0];
    expect(savedField).toMatchObject({ label: "行政复议案件", value: "135", unit: "件", status: "confirmed", source: "区司法局" });
    expect(saved.meta.docNumber).toBe("木政发〔2025〕3号");

    await page.reload();
    await page.locator(".report-body").waitFor();
    await expect(page.locator(".report-body section[data-part='duty'] p").first().textContent()).resolves.toBe(
      "本年度，镇党委书记主持召开法治建设专题会议四次，办理行政复议案件135件，全部依法办结。",
    );
    await expect(page.getByLabel("字段 行政复议案件：135件").count()).resolves.toBe(1);
    await page.screenshot({ path: join(artifacts, "editor-after-reload.png") });
    expect(pageErrors).toEqual([]);
  });

  it("turns a selected number into a field, and offers unsaved work back after the tab dies", async () => {
    await page.getByRole("button", { name: "新建报告", exact: true }).click();
    await page.getByLabel("发文机关").fill("某区人民政府");
    await page.getByLabel("报告年度").fill("2023");
    await page.getByRole("button", { name: "新建报告" }).click();
    await page.locator(".report-body").waitFor();
    await page.locator(".report-body section[data-part='duty'] p").first().click();
    await page.keyboard.type("全年受理审批服务事项超36万件");
    for (let i = 0; i < "超36万件".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.getByRole("button", { name: "转为字段" }).click();
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    await expect(popover.getByLabel("数值").inputValue()).resolves.toBe("360000");
    await popover.getByLabel("名称").fill("受理审批服务事项");
    await popover.getByRole("button", { name: "应用" }).click();
    const chip = page.getByLabel("字段 受理审批服务事项：超36万件，未确认");
    await expect(chip.count()).resolves.toBe(1);
    await expect(chip.getAttribute("class")).resolves.toContain("field-chip--unconfirmed");

    // Autosave follows each edit within about a second; then the tab goes away without saving.
    await page.waitForTimeout(2_000);
    await page.close();
    page = await session.newPage();
    await page.goto(serve.url);
    const offer = page.getByRole("region", { name: "恢复未保存的内容" });
    await expect.poll(() => offer.getByText("2023年度某区人民政府法治政府建设工作报告", { exact: false }).count()).toBe(1);
    await offer.getByRole("button", { name: "恢复" }).click();
    await page.locator(".report-body").waitFor();
    await expect(page.locator(".report-body section[data-part='duty'] p").first().textContent()).resolves.toBe(
      "全年受理审批服务事项超36万件",
    );
    await expect(page.getByLabel("字段 受理审批服务事项：超36万件，未确认").count()).resolves.toBe(1);
    await expect.poll(() => page.title()).toMatch(/^● /);
    await page.screenshot({ path: join(artifacts, "editor-recovered.png") });
    expect(pageErrors).toEqual([]);
  });
});
