import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";

/** The rolled-forward fixture's fields: f19 结案率 (93.26% last year), f2 受理各类审批服务事项 and its computed 同比 f4. */
const chip = (page: Page, id: string) => page.locator(`.report-body [data-field-id='${id}']`).first();
const popover = (page: Page) => page.getByRole("dialog", { name: "编辑字段" });
const paragraphOf = (page: Page, id: string) => page.locator(".report-body p", { has: page.locator(`[data-field-id='${id}']`) }).first();
const fieldCount = (page: Page) => page.locator(".report-body [data-field-id]").count();

async function recordCount(page: Page): Promise<number> {
  await page.getByRole("button", { name: "字段", exact: true }).click();
  const heading = await page.getByRole("region", { name: "字段" }).getByRole("heading").first().textContent();
  await page.getByRole("button", { name: "大纲", exact: true }).click();
  return Number(/（(\d+)）/.exec(heading ?? "")?.[1] ?? Number.NaN);
}

async function fullyVisible(page: Page): Promise<boolean> {
  const box = await popover(page).boundingBox();
  const viewport = page.viewportSize();
  if (box === null || viewport === null) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

describe("field chips never eat text", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = await startWithImportedFixture());
  });

  afterAll(async () => {
    await session?.close();
  });

  it("keeps the number when the clerk types right after 确认数值, and 95.5 stays 95.5%", async () => {
    await chip(page, "f19").click();
    await popover(page).getByLabel("数值").fill("95.5");
    await popover(page).getByRole("button", { name: "确认数值" }).click();
    await expect(popover(page).count()).resolves.toBe(0);
    await page.keyboard.type("，群众满意");
    // The fixture writes its numbers with spaces (结案率 93.26%); they stay as written.
    await expect(paragraphOf(page, "f19").textContent().then(noSpaces)).resolves.toContain("结案率95.5%，群众满意");
    await expect(chip(page, "f19").getAttribute("aria-label")).resolves.toBe("字段 结案率：95.5%");
    await page.screenshot({ path: join(artifacts, "chips-confirm-then-type.png") });
  });

  it("with the keyboard only (F2, Tab, Enter) the caret ends after the chip, in view", async () => {
    await chip(page, "f18").click();
    await page.keyboard.press("Escape");
    // Esc on an existing field leaves the caret after it; ← selects the chip, F2 opens it.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("F2");
    await expect(popover(page).count()).resolves.toBe(1);
    await page.keyboard.type("4.5万");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(popover(page).count()).resolves.toBe(0);
    await page.keyboard.type("余");
    await expect(paragraphOf(page, "f18").textContent().then(noSpaces)).resolves.toContain("共接单4.5万件余");
    const box = await chip(page, "f18").boundingBox();
    expect(box !== null && box.y > 0 && box.y + box.height < 900).toBe(true);
    await page.keyboard.press("Backspace");
  });

  it("types after a selected chip instead of replacing it", async () => {
    await chip(page, "f16").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowLeft");
    await expect
      .poll(() => page.locator(".ProseMirror-selectednode[data-field-id='f16'], .ProseMirror-selectednode [data-field-id='f16']").count())
      .toBe(1);
    await page.keyboard.type("件");
    await expect(chip(page, "f16").count()).resolves.toBe(1);
    await expect(paragraphOf(page, "f16").textContent().then(noSpaces)).resolves.toMatch(/受理信访件【缺数】件/);
  });

  it("reads Chinese numerals typed in the value box", async () => {
    await chip(page, "f17").click();
    await popover(page).getByLabel("数值").fill("两");
    await popover(page).getByRole("button", { name: "应用" }).click();
    await expect(chip(page, "f17").getAttribute("aria-label")).resolves.toMatch(/：2 ?件，未确认$/);
    await chip(page, "f9").click();
    await popover(page).getByLabel("数值").fill("一千九百余");
    await popover(page).getByRole("button", { name: "应用" }).click();
    await expect(chip(page, "f9").getAttribute("aria-label")).resolves.toMatch(/：1900余场次/);
  });

  it("says a computed 同比 is computed, and it is confirmed with its base", async () => {
    await chip(page, "f2").click();
    await popover(page).getByLabel("数值").fill("400000");
    await popover(page).getByRole("button", { name: "确认数值" }).click();
    await chip(page, "f4").click();
    await expect(popover(page).getByRole("note").textContent()).resolves.toContain("计算值");
    await expect(popover(page).getByRole("note").textContent()).resolves.toContain("受理各类审批服务事项");
    await expect(popover(page).getByLabel("状态").textContent()).resolves.toContain("已确认");
    await page.screenshot({ path: join(artifacts, "chips-computed-popover.png") });
    await page.keyboard.press("Escape");
    const label = await chip(page, "f4").getAttribute("aria-label");
    expect(label).not.toContain("未确认");
    expect(label).not.toContain("【缺数】");
  });

  it("Esc on a new, empty field leaves no chip and no record; undo and redo move the record with the chip", async () => {
    const chips = await fieldCount(page);
    const records = await recordCount(page);
    await page.locator(".report-body p").nth(2).click();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "插入字段" }).click();
    await expect(popover(page).count()).resolves.toBe(1);
    await page.keyboard.press("Escape");
    await expect(popover(page).count()).resolves.toBe(0);
    await expect(fieldCount(page)).resolves.toBe(chips);
    await expect(recordCount(page)).resolves.toBe(records);

    await page.locator(".report-body p").nth(2).click();
    await page.keyboard.press("End");
    await page.getByRole("button", { name: "插入字段" }).click();
    await popover(page).getByLabel("数值").fill("7");
    await popover(page).getByLabel("名称").fill("新增事项");
    await popover(page).getByRole("button", { name: "应用" }).click();
    await expect(fieldCount(page)).resolves.toBe(chips + 1);
    await expect(recordCount(page)).resolves.toBe(records + 1);
    await page.getByRole("button", { name: "撤销" }).click();
    await page.getByRole("button", { name: "撤销" }).click();
    await expect(fieldCount(page)).resolves.toBe(chips);
    await expect(recordCount(page)).resolves.toBe(records);
    await page.getByRole("button", { name: "重做" }).click();
    await expect(fieldCount(page)).resolves.toBe(chips + 1);
    await expect(recordCount(page)).resolves.toBe(records + 1);
    await page.getByRole("button", { name: "撤销" }).click();
  });

  it.each([
    [1440, 900],
    [1280, 720],
  ])("shows the popover of the last chip on the screen fully at %i×%i", async (width, height) => {
    await page.setViewportSize({ width, height });
    const last = page.locator(".report-body [data-field-id]").last();
    // The chip at the very bottom edge of the window, as a clerk scrolling down meets it.
    await last.evaluate((el) => el.scrollIntoView({ block: "end" }));
    await last.click();
    await expect(popover(page).count()).resolves.toBe(1);
    await expect.poll(() => fullyVisible(page)).toBe(true);
    await page.screenshot({ path: join(artifacts, `chips-last-popover-${width}x${height}.png`) });
    await page.keyboard.press("Escape");
    expect(session.pageErrors).toEqual([]);
  });
});

function noSpaces(text: string | null): string {
  return (text ?? "").replace(/ /g, "");
}
