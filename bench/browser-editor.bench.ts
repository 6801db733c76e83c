/*
 * Browser mode as the clerk meets it: `nianbao serve` + Debian Chromium, a generated 100-page
 * report (bench/support/hundred-page-report.ts). Targets (issue 7): open < 1 s, keystroke-to-paint
 * p95 < 16 ms. The keystroke row times the whole round trip (CDP key event → editor transaction →
 * Playwright's ack), an upper bound on the in-page cost.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, bench, describe } from "vitest";
import { saveReportFile } from "../host/storage/report-file";
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServe } from "../test/support/serve-process";
import { fazhiTemplate } from "../test/support/template";
import { hundredPageReport } from "./support/hundred-page-report";

const base = mkdtempSync(join(tmpdir(), "nianbao-bench-browser-"));
const docs = join(base, "docs");
mkdirSync(docs);
const file = join(docs, "百页报告.nianbao");
await saveReportFile(file, hundredPageReport(fazhiTemplate()));
const serve = await startServe(docs, join(base, "state"));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

async function openReport(): Promise<void> {
  await page.goto(serve.url);
  await page.evaluate((path) => sessionStorage.setItem("nianbao.openPath", path), file);
  await page.reload();
  await page.locator(".field-chip").nth(199).waitFor();
}

describe("browser mode, 100-page report", () => {
  bench("open: page load → all 200 chips rendered", openReport, { iterations: 5, warmupIterations: 1 });

  let ready = false;
  bench(
    "keystroke: one character typed into the body",
    async () => {
      if (!ready) {
        await openReport();
        await page.locator(".report-body p").nth(100).click();
        ready = true;
      }
      await page.keyboard.type("法");
    },
    { iterations: 100, warmupIterations: 5 },
  );

  afterAll(async () => {
    await browser.close();
    await serve.stop();
  });
});
