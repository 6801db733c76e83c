import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";

const chip = (page: Page, id: string) => page.locator(`.report-body [data-field-id='${id}']`).first();

describe("the fields table, the status bar and a sign-off that speaks plainly", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = await startWithImportedFixture());
  });

  afterAll(async () => {
    await session?.close();
  });

  it("lists every field in document order by part, edits like a spreadsheet and confirms selected rows with Ctrl+Enter", async () => {
    const bar = page.getByRole("contentinfo", { name: "状态栏" });
    await expect.poll(() => bar.textContent()).toContain("未确认字段 21");
    await expect(bar.textContent()).resolves.toMatch(/距报送（3月1日）\d+ 天|报送（3月1日）已过/);
    await bar.getByRole("button", { name: /未确认字段/ }).click();
    const panel = page.getByRole("region", { name: "字段" });
    await expect(panel.getByRole("button", { name: "未确认（21）" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await panel.getByRole("button", { name: "加宽" }).click();
    await panel.getByRole("button", { name: "全部" }).click();
    const rows = panel.locator("tbody tr[data-field-id]");
    await expect(rows.evaluateAll((rs) => rs.map((r) => r.getAttribute("data-field-id")))).resolves.toEqual(
      Array.from({ length: 21 }, (_, i) => `f${i + 1}`),
    );
    await expect(panel.locator(".fields-table__group th").first().textContent()).resolves.toContain(
      "二、本年度推进法治政府建设的主要举措和成效",
    );

    // Type to overwrite, Enter moves down to the next row's value.
    const first = panel.getByLabel("顺利完成新社区选举工作 本年数值");
    await first.click();
    await page.keyboard.type("10");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("受理各类审批服务事项 本年数值");
    await page.keyboard.type("超40万");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("受理各类审批服务事项 修饰词");
    await expect(panel.getByLabel("受理各类审批服务事项 修饰词").inputValue()).resolves.toBe("超");
    await expect(chip(page, "f1").getAttribute("aria-label")).resolves.toBe("字段 顺利完成新社区选举工作：10 个，未确认");

    await panel.getByLabel("选择 顺利完成新社区选举工作").check();
    await panel.getByLabel("选择 受理各类审批服务事项", { exact: true }).check();
    await panel.getByLabel("受理各类审批服务事项 来源部门").click();
    await page.keyboard.press("Control+Enter");
    await expect(chip(page, "f1").getAttribute("aria-label")).resolves.toBe("字段 顺利完成新社区选举工作：10 个");
    await expect(chip(page, "f2").getAttribute("aria-label")).resolves.toBe("字段 受理各类审批服务事项：超 40 万件");
    await page.screenshot({ path: join(artifacts, "fields-table-wide.png") });

    await panel.getByRole("button", { name: "整改隐患", exact: true }).click();
    await expect
      .poll(() => page.locator(".ProseMirror-selectednode [data-field-id='f8'], [data-field-id='f8'].ProseMirror-selectednode").count())
      .toBe(1);
    await page.screenshot({ path: join(artifacts, "status-bar.png"), clip: { x: 0, y: 860, width: 1440, height: 40 } });
  });

  it("deletes a field no chip shows any more", async () => {
    await chip(page, "f10").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");
    await expect(chip(page, "f10").count()).resolves.toBe(0);
    const panel = page.getByRole("region", { name: "字段" });
    await expect(panel.getByRole("heading").first().textContent()).resolves.toBe("字段（21）");
    await panel.getByRole("button", { name: "删除字段 新建卫星消防站" }).click();
    await expect(panel.getByRole("heading").first().textContent()).resolves.toBe("字段（20）");
  });

  it("names the stages plainly, keeps drafter, reviewer and approver apart, and freezes every control after 签发", async () => {
    await page.getByRole("button", { name: "签发", exact: true }).click();
    const panel = page.getByRole("region", { name: "签发" });
    await expect(panel.textContent()).resolves.toContain("当前状态：起草中");
    await expect(panel.getByRole("checkbox", { name: /须为不同人员/ }).isChecked()).resolves.toBe(true);
    await panel.getByLabel("姓名").fill("王小明");
    await panel.getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：审核中");
    // The next person is the 审核人, and the form says so before anyone picks it.
    await expect(panel.getByLabel("身份").inputValue()).resolves.toBe("审核人");
    // The drafter cannot pass their own draft.
    await panel.getByRole("button", { name: "审核通过" }).click();
    await expect.poll(() => page.getByText(/拟稿人、审核人、签发人为不同人员/).count()).toBeGreaterThan(0);
    await expect(panel.textContent()).resolves.toContain("当前状态：审核中");
    await panel.getByLabel("姓名").fill("李审核");
    await panel.getByRole("button", { name: "审核通过" }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：待签发");
    await expect(panel.getByLabel("身份").inputValue()).resolves.toBe("签发人");
    await panel.getByLabel("姓名").fill("张镇长");
    // Numbers are still missing and unconfirmed: 签发 is refused and 检查 opens with the list.
    await panel.getByRole("button", { name: "签发", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("须先处理才能签发");
    await page.getByRole("region", { name: "检查" }).waitFor();
    // The clerk fills the rest in the fields table and confirms them all.
    await page.getByRole("button", { name: "字段", exact: true }).click();
    const fieldsPanel = page.getByRole("region", { name: "字段" });
    await fieldsPanel.getByRole("button", { name: "全部" }).click();
    const values = fieldsPanel.locator("input[aria-label$=' 本年数值']");
    for (let i = 0; i < (await values.count()); i++) {
      const box = values.nth(i);
      if ((await box.isEditable()) && (await box.inputValue()) === "") {
        await box.click();
        await page.keyboard.type("1");
        await page.keyboard.press("Enter");
      }
    }
    const ticks = fieldsPanel.getByRole("checkbox", { name: /^选择 / });
    for (let i = 0; i < (await ticks.count()); i++) await ticks.nth(i).check();
    await fieldsPanel.locator("input[aria-label$=' 本年数值']").first().click();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.getByRole("contentinfo", { name: "状态栏" }).textContent()).toContain("未确认字段 0");
    await page.getByRole("button", { name: "签发", exact: true }).click();
    await panel.getByLabel("姓名").fill("张镇长");
    await panel.getByRole("button", { name: "签发", exact: true }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：已签发");
    await expect(panel.getByRole("button", { name: "修订" }).count()).resolves.toBe(1);
    await expect(panel.getByRole("button", { name: "公开" }).count()).resolves.toBe(1);
    const banner = page.locator(".banner--locked");
    await expect(banner.textContent()).resolves.toContain("内容已冻结");
    await expect(page.locator("body").textContent()).resolves.not.toContain("nianbao workflow");
    await page.screenshot({ path: join(artifacts, "signoff-approved.png") });

    // Every control: the text, a chip's popover, the fields table, report info, the toolbar.
    const before = await page.locator(".report-body").textContent();
    await page.locator(".report-body p").nth(3).click();
    await page.keyboard.type("签发后改一句");
    await chip(page, "f11").click();
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    await expect(popover.getByLabel("数值").isDisabled()).resolves.toBe(true);
    await expect(popover.getByRole("button", { name: "确认数值" }).count()).resolves.toBe(0);
    await popover.getByRole("button", { name: "关闭" }).click();
    await page.getByRole("button", { name: "插入字段" }).click();
    await page.getByRole("button", { name: "添加小节" }).click();
    await page.getByRole("button", { name: "字段", exact: true }).click();
    const fields = page.getByRole("region", { name: "字段" });
    await expect(fields.getByLabel("依申请公开答复率 本年数值").isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "报告信息" }).click();
    const info = page.getByRole("dialog", { name: "报告信息" });
    await expect(info.getByLabel("发文字号").isDisabled()).resolves.toBe(true);
    await info.getByRole("button", { name: "关闭" }).click();
    await page.getByRole("button", { name: "撤销" }).click();
    await expect(page.locator(".report-body").textContent()).resolves.toBe(before);
    await expect(page.locator(".report-body [data-field-id]").count()).resolves.toBe(20);

    await banner.getByRole("button", { name: /修订/ }).click();
    await panel.getByLabel("姓名").fill("王小明");
    await panel.getByRole("button", { name: "修订" }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：起草中（第 2 稿）");
    await expect.poll(() => page.locator(".report-body").getAttribute("contenteditable")).toBe("true");
    expect(session.pageErrors).toEqual([]);
  });
});
