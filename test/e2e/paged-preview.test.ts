import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, FIXTURE_NAME as FIXTURE, placeFixture, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";

/*
 * 打印预览 shows the PDF that 开始导出 then writes: its sheets drawn by pdf.js, its text laid over
 * each sheet, so the preview and the file cannot disagree about a line break or a page number.
 */

const pdfText = (pdf: string, page: number): string =>
  execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");

describe("browser mode: the print preview is the PDF", () => {
  let session: E2eBrowser;

  beforeAll(async () => {
    session = await startE2eBrowser();
    placeFixture(session.docs);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows the imported report sheet by sheet, as many sheets as the exported PDF has pages, with the PDF's text and page numbers", async () => {
    const page = await session.newPage();
    await page.goto(session.serve.url);
    await page.getByRole("button", { name: "导入上年报告", exact: true }).click();
    const importer = page.getByRole("dialog", { name: "导入上年报告" });
    await importer.getByRole("button", { name: `📄 ${FIXTURE}` }).click();
    await importer.getByRole("region", { name: "识别结果" }).waitFor();
    await importer.getByRole("button", { name: "确认导入" }).click();
    await page.locator(".report-body").waitFor();

    await page.getByRole("button", { name: "导出 PDF", exact: true }).click();
    const exporter = page.getByRole("dialog", { name: "导出" });
    await exporter.getByLabel("文件名").fill("木渎预览");
    await exporter.getByRole("button", { name: "打印预览" }).click();
    const preview = exporter.getByRole("document", { name: "打印预览" });
    await expect.poll(() => preview.getAttribute("data-preview"), { timeout: 60_000 }).toBe("ready");
    const sheets = preview.getByRole("region", { name: /^第 \d+ 页$/ });
    const count = await sheets.count();

    await exporter.getByRole("button", { name: "开始导出" }).click();
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 60_000 });
    const pdf = join(session.docs, "木渎预览.pdf");
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    expect(pdfPages).toBeGreaterThan(1);
    expect(count).toBe(pdfPages);
    await expect(exporter.getByText(`共 ${pdfPages} 页`, { exact: false }).count()).resolves.toBeGreaterThan(0);

    // The first sheet is drawn (not blank) and carries the exported PDF's own text, page number included.
    const first = preview.getByRole("region", { name: "第 1 页" });
    await expect.poll(() => first.getAttribute("data-drawn")).toBe("true");
    const inked = await first.locator("canvas").evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const pixels = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
      return dark / (pixels.length / 4);
    });
    expect(inked).toBeGreaterThan(0.005);
    const shown = (await first.locator(".textLayer").innerText()).replace(/\s+/g, "");
    // The page number is drawn first (pdf.js reads in drawing order), pdftotext puts it last.
    expect(shown).toContain("—1—");
    expect(shown.replace("—1—", "")).toBe(pdfText(pdf, 1).replace("—1—", ""));

    // The last sheet is drawn when the clerk scrolls to it, with its number.
    const last = preview.getByRole("region", { name: `第 ${pdfPages} 页` });
    await last.scrollIntoViewIfNeeded();
    await expect.poll(() => last.getAttribute("data-drawn"), { timeout: 30_000 }).toBe("true");
    await expect(last.locator(".textLayer").innerText()).resolves.toContain(`— ${pdfPages} —`);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "paged-preview.png") });
    expect(session.pageErrors).toEqual([]);
  });
});
