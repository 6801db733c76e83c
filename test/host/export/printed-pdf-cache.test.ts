import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportReport, previewPdf } from "../../../host/export/export-report";
import { ChromiumPdfRenderer } from "../../../host/pdf/chromium-pdf-renderer";
import type { PdfRenderer } from "../../../host/pdf/pdf-renderer";
import { PrintedPdfCache } from "../../../host/export/printed-pdf-cache";
import { fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

/*
 * The app's session keeps one printer; what it printed is reused while the print page and its
 * files stay the same (an export again, an export after 打印预览), and printed anew otherwise.
 */

const chromium = new ChromiumPdfRenderer();
const printed: string[] = [];
const counting: PdfRenderer = {
  render: (path) => {
    printed.push(path);
    return chromium.render(path);
  },
  close: () => chromium.close(),
};
const dir = mkdtempSync(join(tmpdir(), "nianbao-printed-"));

afterAll(async () => {
  await counting.close();
});

describe("PDFs printed once per session printer", () => {
  it("reuses the PDF for an unchanged report and after 打印预览, and prints again after an edit", async () => {
    const template = fazhiTemplate();
    const fontSubsetDir = join(dir, "subsets");
    const report = fixtureReport();
    const first = await exportReport({ report, template, pdfPath: join(dir, "1.pdf"), renderer: counting, fontSubsetDir });
    expect(printed).toHaveLength(1);

    const again = await exportReport({
      report,
      template,
      pdfPath: join(dir, "2.pdf"),
      docxPath: join(dir, "2.docx"),
      renderer: counting,
      fontSubsetDir,
    });
    expect(printed).toHaveLength(1);
    expect(again.pages).toBe(first.pages);
    expect(readFileSync(join(dir, "2.pdf")).equals(readFileSync(join(dir, "1.pdf")))).toBe(true);

    // 打印预览 of the same report shows the PDF already printed.
    const preview = await previewPdf({ report, template, fontSubsetDir }, counting);
    expect(preview.pages).toBe(first.pages);
    expect(Buffer.from(preview.pdf).equals(readFileSync(join(dir, "1.pdf")))).toBe(true);
    expect(printed).toHaveLength(1);

    // The title changed: another page, printed.
    const edited = { ...report, meta: { ...report.meta, title: `${report.meta.title}（修订稿）` } };
    await exportReport({ report: edited, template, pdfPath: join(dir, "3.pdf"), renderer: counting, fontSubsetDir });
    expect(printed).toHaveLength(2);

    // Without a session printer (the CLI's one-off Chromium) every export prints.
    const before = printed.length;
    await exportReport({ report, template, pdfPath: join(dir, "5.pdf"), fontSubsetDir });
    expect(printed).toHaveLength(before);
  });

  it("prints again when a file the page binds has other contents, though the markup is the same", async () => {
    const cache = new PrintedPdfCache();
    const font = join(dir, "bound.ttf");
    writeFileSync(font, "one");
    let prints = 0;
    const print = async () => ({ pdf: new Uint8Array([++prints]), pages: 1 });
    const page = { html: "<p>同一页</p>", assets: [font] };
    await cache.print(page, print);
    await expect(cache.print(page, print)).resolves.toMatchObject({ pdf: new Uint8Array([1]) });
    writeFileSync(font, "two");
    await expect(cache.print(page, print)).resolves.toMatchObject({ pdf: new Uint8Array([2]) });
    // A bound file that is gone: printed (Chromium says what is missing), nothing kept.
    rmSync(font);
    await cache.print(page, print);
    await cache.print(page, print);
    expect(prints).toBe(4);
  });
});
