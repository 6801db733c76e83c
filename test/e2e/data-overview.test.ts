import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";

const chip = (page: Page, id: string) => page.locator(`.report-body [data-field-id='${id}']`).first();
const selectedChip = (page: Page, id: string) =>
  page.locator(`.ProseMirror-selectednode[data-field-id='${id}'], .ProseMirror-selectednode [data-field-id='${id}']`);

/** The text of every <text> element of a well-formed SVG; saxes throws on anything malformed. */
function svgTexts(svg: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const texts: string[] = [];
  let root: string | null = null;
  let inText = 0;
  parser.on("opentag", (tag) => {
    root ??= tag.local;
    if (tag.local === "text") {
      inText++;
      texts.push("");
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.local === "text") inText--;
  });
  parser.on("text", (t) => {
    if (inText > 0) texts[texts.length - 1] += t;
  });
  parser.write(svg).close();
  expect(root).toBe("svg");
  return texts;
}

describe("数据概览: this year against last year as a chart a clerk can click and export", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = await startWithImportedFixture());
  });

  afterAll(async () => {
    await session?.close();
  });

  it("draws the filled fields, biggest change first, rates apart from counts, and lists the rest", async () => {
    await page.getByRole("button", { name: "字段", exact: true }).click();
    const fields = page.getByRole("region", { name: "字段" });
    // Last year: 超36万件, 590件, 117处, 约26%, 93.26%, 140余次.
    for (const [label, value] of [
      ["受理各类审批服务事项", "超40万"], // +11.1%
      ["受理信访件", "480"], // −18.6%
      ["拆除违规广告设施", "234"], // +100%
      ["占全区总量", "30"], // +15.4%
      ["结案率", "95.5"], // +2.4%
      ["民法典宣传月、宪法宣传周等节点开展普法宣传等活动", "150"], // +7.1%, the longest label
    ] as const) {
      await fields.getByLabel(`${label} 本年数值`, { exact: true }).click();
      await page.keyboard.type(value);
      await page.keyboard.press("Enter");
    }

    await page.getByRole("button", { name: "数据概览", exact: true }).click();
    const panel = page.getByRole("region", { name: "数据概览" });
    const bars = (name: string) => panel.getByRole("region", { name }).getByRole("button");
    await bars("数量").first().waitFor();
    await expect(bars("数量").evaluateAll((bs) => bs.map((b) => b.getAttribute("data-field-id")))).resolves.toEqual([
      "f6",
      "f16",
      "f2",
      "f20",
    ]);
    await expect(bars("比率（%）").evaluateAll((bs) => bs.map((b) => b.getAttribute("data-field-id")))).resolves.toEqual(["f3", "f19"]);
    await expect(bars("数量").first().getAttribute("aria-label")).resolves.toBe("拆除违规广告设施：2024年 234处，2023年 117处，+100%");
    await expect(bars("比率（%）").nth(1).getAttribute("aria-label")).resolves.toBe("结案率：2024年 95.5%，2023年 93.26%，+2.4%");
    // The bound 同比 field is its base's change, not a bar; fields without a value are listed as text.
    await expect(panel.locator("[data-field-id='f4']").count()).resolves.toBe(0);
    const unfilled = panel.getByRole("region", { name: "未填" });
    await expect(unfilled.getByRole("heading").textContent()).resolves.toBe("未填（14）");
    await expect(unfilled.textContent()).resolves.toContain("政协委员提案");
    await expect(unfilled.textContent()).resolves.not.toContain("受理信访件");
    await page.screenshot({ path: join(artifacts, "data-overview.png") });
  });

  it("follows a value changed in the text, and each bar leads to its field by mouse and keyboard", async () => {
    const panel = page.getByRole("region", { name: "数据概览" });
    const rates = panel.getByRole("region", { name: "比率（%）" }).getByRole("button");
    await chip(page, "f19").click();
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    await popover.getByLabel("数值").fill("50");
    await popover.getByRole("button", { name: "确认数值" }).click();
    await expect.poll(() => rates.evaluateAll((bs) => bs.map((b) => b.getAttribute("data-field-id")))).toEqual(["f19", "f3"]);

    await panel.getByRole("button", { name: /^受理信访件：/ }).click();
    await expect.poll(() => selectedChip(page, "f16").count()).toBe(1);
    await expect(chip(page, "f16").isVisible()).resolves.toBe(true);

    // Tab reaches the bars in the order drawn; Enter on one locates its chip.
    await panel.locator(".data-overview__legend").click();
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-field-id"))).resolves.toBe("f19");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).resolves.toMatch(/^拆除违规广告设施：/);
    await page.screenshot({ path: join(artifacts, "data-overview-focus.png"), clip: { x: 0, y: 80, width: 540, height: 560 } });
    await page.keyboard.press("Enter");
    await expect.poll(() => selectedChip(page, "f6").count()).toBe(1);
    await expect(page.evaluate(() => location.hash)).resolves.toBe("");
  });

  it("exports the chart as an SVG with the labels and a PNG drawn at twice its size", async () => {
    const panel = page.getByRole("region", { name: "数据概览" });
    await panel.getByLabel("图表文件名").fill("木渎镇数据概览");
    await panel.getByRole("button", { name: "导出 SVG" }).click();
    await expect.poll(() => panel.getByRole("status", { name: "图表已导出" }).textContent()).toContain("木渎镇数据概览.svg");
    const svg = readFileSync(join(session.docs, "木渎镇数据概览.svg"), "utf8");
    const texts = svgTexts(svg);
    for (const label of [
      "拆除违规广告设施",
      "受理信访件",
      "受理各类审批服务事项",
      "民法典宣传月、宪法宣传周等节点开展普法宣传等活动",
      "占全区总量",
      "结案率",
      "234处",
      "93.26%",
    ]) {
      expect(texts).toContain(label);
    }
    const lists = texts.slice(texts.findIndex((t) => t.startsWith("未填：")));
    expect(lists.join("")).toContain("政协委员提案");
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);

    await panel.getByRole("button", { name: "导出 PNG" }).click();
    await expect.poll(() => panel.getByRole("status", { name: "图表已导出" }).textContent()).toContain("木渎镇数据概览.png");
    const png = readFileSync(join(session.docs, "木渎镇数据概览.png"));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * width, 2 * height]);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThan(4000);
    expect(session.pageErrors).toEqual([]);
  });
});
