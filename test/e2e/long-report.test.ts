import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, importFixture, settledChecks, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";
import { FIXTURE_MARKDOWN } from "../support/report-from-markdown";

/**
 * A long report (last year's, with every body paragraph written out eight times: about forty
 * pages). Off-screen paragraphs are not laid out until they come into view (content-visibility,
 * editor/extensions/block-size-hint), so what a clerk does far down the page must still land
 * where the text really is: a jump from the outline or from a finding, a click at the end of a
 * paragraph after scrolling, and a scrollbar that does not jump while the text comes into view.
 */
const LONG_NAME = "木渎镇长篇报告.md";

function longMarkdown(): string {
  return readFileSync(FIXTURE_MARKDOWN, "utf8")
    .split("\n")
    .map((line) => (line.trim() === "" || line.startsWith("#") ? line : Array.from({ length: 8 }, () => line).join("\n\n")))
    .join("\n");
}

const inView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const view = el.closest(".page-scroll")?.getBoundingClientRect();
    if (view === undefined) return { top: NaN, bottom: NaN, height: NaN };
    return { top: box.top - view.top, bottom: box.bottom - view.top, height: view.height };
  });

describe("a long report: what is far down the page is where the clerk is taken", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startE2eBrowser();
    writeFileSync(join(session.docs, LONG_NAME), longMarkdown());
    page = await session.newPage();
    await importFixture(page, session.serve.url, LONG_NAME);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("scrolls the last part's heading into view from the outline, and it stays there", async () => {
    await expect.poll(() => page.locator(".report-body p").count()).toBeGreaterThan(80);
    await page.getByRole("button", { name: "大纲", exact: true }).click();
    const outline = page.getByRole("region", { name: "大纲" });
    await outline
      .getByRole("button", { name: /不足和原因/ })
      .first()
      .click();
    const heading = ".report-body section[data-part='shortcomings'] > h1";
    const first = await inView(page, heading);
    expect(first.top).toBeGreaterThanOrEqual(0);
    expect(first.top).toBeLessThan(120);
    // The paragraphs around it have now been drawn at their real height: the heading has not moved away.
    await page.waitForTimeout(300);
    const settled = await inView(page, heading);
    expect(Math.abs(settled.top - first.top)).toBeLessThan(40);
    await page.screenshot({ path: join(artifacts, "long-report-outline-jump.png") });
  });

  it("puts a finding far down the page in the middle of the view", async () => {
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const checks = await settledChecks(page);
    const carried = checks.getByRole("button", { name: /^此段沿用上年报告/ });
    await expect.poll(() => carried.count()).toBeGreaterThan(60);
    await carried.last().click();
    await expect.poll(() => page.locator(".report-body .locate-flash").count()).toBe(1);
    const place = await inView(page, ".report-body .locate-flash");
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.bottom).toBeLessThanOrEqual(place.height);
  });

  it("types at the end of a paragraph clicked after scrolling to it", async () => {
    const target = page.locator(".report-body section[data-part='measures'] > p").nth(40);
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (box === null) throw new Error("the paragraph is not on screen");
    await target.click({ position: { x: box.width - 3, y: box.height - 6 } });
    await page.keyboard.press("End");
    await page.keyboard.type("（补记）");
    await expect.poll(() => target.textContent()).toMatch(/（补记）$/);
  });

  it("keeps the scrollbar steady while the whole report comes into view", async () => {
    const scroller = page.locator(".page-scroll");
    const before = await scroller.evaluate((el) => el.scrollHeight);
    await scroller.evaluate(async (el) => {
      for (let top = 0; top < el.scrollHeight; top += el.clientHeight) {
        el.scrollTop = top;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
    });
    const after = await scroller.evaluate((el) => el.scrollHeight);
    // Every paragraph has now been drawn at its real height; the estimate was within a few percent.
    expect(Math.abs(after - before) / after).toBeLessThan(0.05);
  });
});
