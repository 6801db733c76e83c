import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { artifacts, FIXTURE_NAME as FIXTURE, placeFixture, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";
import { layoutLines } from "../support/pdf-readers";

/**
 * The preview's text line by line, as laid out on its sheets: characters grouped by the top of
 * their box, and whether a paragraph's last line was stretched to the full width (it must not be).
 */
const PREVIEW_LINES = `(() => {
  const lines = [];
  const stretched = [];
  for (const p of document.querySelectorAll(".pagedjs_page p")) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const rows = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0) continue;
        const row = rows.find((r) => Math.abs(r.top - box.top) < 4);
        if (row) { row.text += node.data[i]; row.right = Math.max(row.right, box.right); row.gaps.push(box.left - row.last); row.last = box.right; }
        else rows.push({ top: box.top, text: node.data[i], right: box.right, last: box.right, gaps: [] });
      }
    }
    for (const r of rows) lines.push(r.text);
    const last = rows[rows.length - 1];
    // A stretched line opens gaps between its 汉字; an unstretched one has none (letter-spacing is negative).
    if (last && !p.hasAttribute("data-split-to") && last.gaps.some((g) => g > 2)) stretched.push(last.text);
  }
  return { lines, stretched };
})()`;
const PreviewLines = z.object({ lines: z.array(z.string()), stretched: z.array(z.string()) });

const Footer = z.object({ box: z.string(), align: z.string() });
const FrameTree = z.object({
  frameTree: z.object({ childFrames: z.array(z.object({ frame: z.object({ id: z.string(), url: z.string() }) })).optional() }),
});
const AxTree = z.object({
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      parentId: z.string().optional(),
      role: z.object({ value: z.string() }).optional(),
      name: z.object({ value: z.string() }).optional(),
      backendDOMNodeId: z.number().optional(),
    }),
  ),
});

/**
 * The page numbers are CSS generated content (counter(page)), which no DOM text API returns;
 * Chromium's accessibility tree holds their text as shown.
 */
async function pageNumbers(page: Page, frame: Frame): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = FrameTree.parse(await cdp.send("Page.getFrameTree"));
    const frameId = frameTree.childFrames?.find((c) => c.frame.url === frame.url())?.frame.id;
    if (frameId === undefined) throw new Error("the preview frame is not in the frame tree");
    const { nodes } = AxTree.parse(await cdp.send("Accessibility.getFullAXTree", { frameId }));
    // Chromium splits "— " counter(page) " —" into three texts under the one element that shows them.
    const texts = new Map<string, string>();
    for (const n of nodes) {
      if (n.role?.value === "StaticText" && n.parentId !== undefined)
        texts.set(n.parentId, (texts.get(n.parentId) ?? "") + (n.name?.value ?? ""));
    }
    const shown = [...texts.values()].filter((text) => /^— \d+ —$/.test(text));
    return shown;
  } finally {
    await cdp.detach();
  }
}

describe("browser mode: the paged print preview", () => {
  let session: E2eBrowser;

  beforeAll(async () => {
    session = await startE2eBrowser();
    placeFixture(session.docs);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("shows the imported report page by page, as many sheets as the exported PDF has pages, numbered like the PDF", async () => {
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
    const iframe = exporter.locator("iframe[title='打印预览']");
    await iframe.waitFor();
    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (frame === null || frame === undefined) throw new Error("the preview frame did not load");
    // The preview marks the document once Paged.js has laid out every sheet.
    await expect.poll(() => frame.evaluate("document.documentElement.dataset.paged ?? ''"), { timeout: 60_000 }).toBe("done");
    const sheets = await frame.locator(".pagedjs_page").count();

    await exporter.getByRole("button", { name: "开始导出" }).click();
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 60_000 });
    const pdf = join(session.docs, "木渎预览.pdf");
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
    expect(pdfPages).toBeGreaterThan(1);
    expect(sheets).toBe(pdfPages);
    await expect(exporter.getByText(`共 ${pdfPages} 页`, { exact: false }).count()).resolves.toBeGreaterThan(0);

    // Preview = PDF: the same line breaks, and no paragraph's last line or 落款 stretched.
    const shown = PreviewLines.parse(await frame.evaluate(PREVIEW_LINES));
    // Spaces are left out on both sides, as in the .docx/PDF comparison (pdftotext spaces its own way).
    expect(shown.lines.map((l) => l.replace(/\s+/g, "")).filter((l) => l !== "")).toEqual(layoutLines(pdf).map((l) => l.text));
    expect(shown.stretched).toEqual([]);

    const numbers = await pageNumbers(page, frame);
    expect(numbers).toHaveLength(pdfPages);
    expect(numbers.slice(0, 2)).toEqual(["— 1 —", "— 2 —"]);
    // Odd pages carry the number at the right of the sheet's foot, even pages at the left.
    const footers = Footer.array().parse(
      await frame.evaluate(`[...document.querySelectorAll(".pagedjs_page")].slice(0, 2).map((sheet) => {
      const boxes = [...sheet.querySelectorAll(".pagedjs_margin.hasContent")];
      return boxes.map((box) => ({ box: box.className.match(/pagedjs_margin-([a-z-]+)/)[1], align: getComputedStyle(box.querySelector(".pagedjs_margin-content")).textAlign }));
    }).map((boxes) => boxes.length === 1 ? boxes[0] : { box: "", align: "" })`),
    );
    expect(footers).toEqual([
      { box: "bottom-right", align: "right" },
      { box: "bottom-left", align: "left" },
    ]);

    // The foot of page 1 and the head of page 2: both numbers' sides at once.
    await frame.evaluate(`document.querySelectorAll(".pagedjs_page")[0].scrollIntoView({ block: "end" }); window.scrollBy(0, 200)`);
    await page.screenshot({ path: join(artifacts, "paged-preview.png") });
    expect(session.pageErrors).toEqual([]);
  });
});
