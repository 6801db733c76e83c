import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, bench, describe } from "vitest";
import { buildExportModel } from "../core/export-model/build-export-model";
import { exportReport } from "../host/export/export-report";
import { writeDocx } from "../host/export/write-docx";
import { ChromiumPdfRenderer } from "../host/pdf/chromium-pdf-renderer";
import { fixtureReport, readFixtureMarkdown } from "../test/support/report-from-markdown";
import { fazhiTemplate } from "../test/support/template";

/*
 * Targets (issue 5): .docx of the fixture < 100 ms in-process; PDF < 1.5 s with a warm browser.
 * The pandoc and soffice rows are the ratios' baselines on the same content.
 */
const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-export-"));
const report = fixtureReport();
const template = fazhiTemplate();
const renderer = new ChromiumPdfRenderer();
const markdown = join(dir, "fixture.md");
writeFileSync(markdown, readFixtureMarkdown());
const pandocDocx = join(dir, "pandoc.docx");
spawnSync("pandoc", [markdown, "-o", pandocDocx]);
// Warm the browser once so the PDF row measures a render, not a launch.
await exportReport({ report, template, pdfPath: join(dir, "warm.pdf"), renderer });

afterAll(async () => {
  await renderer.close();
});

describe("export the fixture report", () => {
  bench(".docx in-process (model + docx + package clean-up)", async () => {
    await writeDocx(buildExportModel(report, template));
  });
  bench(
    "pandoc Markdown → .docx (baseline)",
    () => {
      spawnSync("pandoc", [markdown, "-o", join(dir, "p.docx")]);
    },
    { iterations: 5 },
  );
});

describe("PDF of the fixture report", () => {
  bench(
    "PDF, warm Chromium",
    async () => {
      await exportReport({ report, template, pdfPath: join(dir, "r.pdf"), renderer });
    },
    { iterations: 5 },
  );
  bench(
    "soffice --convert-to pdf of the same content (baseline)",
    () => {
      const profile = mkdtempSync(join(tmpdir(), "nianbao-bench-lo-"));
      spawnSync("soffice", [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        pandocDocx,
      ]);
    },
    { iterations: 3 },
  );
});
