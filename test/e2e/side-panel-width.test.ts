import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";

describe("the side column can be widened by dragging or with the arrow keys, and keeps its width", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = await startWithImportedFixture());
  });

  afterAll(async () => {
    await session?.close();
  });

  const sideWidth = () => page.locator(".editor-side").evaluate((el) => Math.round(el.getBoundingClientRect().width));

  it("drags the 字段 panel wide, fine-tunes it with the keys, and finds it so after a reload", async () => {
    const handle = page.getByRole("separator", { name: "调整侧栏宽度" });
    await page.getByRole("button", { name: "字段", exact: true }).click();
    const fields = page.getByRole("region", { name: "字段" });
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("340");
    await expect(fields.getByRole("button", { name: "加宽" }).getAttribute("aria-pressed")).resolves.toBe("false");

    const box = await handle.boundingBox();
    if (box === null) throw new Error("no resize handle on screen");
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + 300, { steps: 3 });
    await page.mouse.move(box.x + box.width / 2 + 300, box.y + 300, { steps: 3 });
    await page.mouse.up();
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("640");
    await expect(sideWidth()).resolves.toBe(640);
    // Wide enough for the spreadsheet: the table lays out as with 加宽.
    await expect(fields.getByRole("button", { name: "收窄" }).getAttribute("aria-pressed")).resolves.toBe("true");

    await handle.focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("608");
    await page.keyboard.press("Shift+ArrowRight");
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("688");
    await page.keyboard.press("End");
    // The page column keeps its room: 1440 − 420.
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("1020");
    await page.keyboard.press("Home");
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("240");
    for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowRight");
    await expect(sideWidth()).resolves.toBe(720);
    await page.screenshot({ path: join(artifacts, "fields-panel-resized.png") });

    // Each panel has its own width: the outline is as it was.
    await page.getByRole("button", { name: "大纲", exact: true }).click();
    await expect(sideWidth()).resolves.toBe(340);

    await page.getByRole("button", { name: "保存", exact: true }).click();
    const save = page.getByRole("dialog", { name: "保存报告" });
    await save.getByLabel("文件名").fill("宽度");
    await save.getByRole("button", { name: "保存到此处" }).click();
    await expect.poll(() => page.title()).not.toMatch(/^● /);
    await page.reload();
    await page.locator(".report-body").waitFor();
    await page.getByRole("button", { name: "字段", exact: true }).click();
    await expect(sideWidth()).resolves.toBe(720);
    await expect(handle.getAttribute("aria-valuenow")).resolves.toBe("720");
    // 收窄 is the narrow preset again.
    await fields.getByRole("button", { name: "收窄" }).click();
    await expect(sideWidth()).resolves.toBe(340);
    expect(session.pageErrors).toEqual([]);
  });
});
