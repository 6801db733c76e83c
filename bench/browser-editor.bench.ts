/*
 * Browser mode as the clerk meets it: the loopback host + Debian Chromium, a generated 100-page
 * report (bench/support/hundred-page-report.ts). Targets (issue 7): open < 1 s, keystroke-to-paint
 * p95 < 16 ms. The keystroke row times the whole round trip (CDP key event → editor transaction →
 * Playwright's ack), an upper bound on the in-page cost; the in-page measurement against issue 16's
 * targets is bench/editor-in-chromium.ts, part of `npm run bench`.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { bench, describe } from "vitest";
import { reportApi } from "../core/api/contract";
import { createDispatcher } from "../core/rpc/dispatcher";
import { startHttpHost } from "../host/http/http-host";
import { createHostServices } from "../host/services/host-services";
import { createPathGuard } from "../host/services/path-guard";
import { saveReportFile } from "../host/storage/report-file";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../test/support/serve-process";
import { fixedDeps } from "../test/support/deps";
import { fazhiTemplate, repoRoot } from "../test/support/template";
import { hundredPageReport } from "./support/hundred-page-report";

const base = mkdtempSync(join(tmpdir(), "nianbao-bench-browser-"));
const docs = join(base, "docs");
mkdirSync(docs);
const file = join(docs, "百页报告.nianbao");
await saveReportFile(file, hundredPageReport(fazhiTemplate()));
// The loopback host in-process (the same code `nianbao serve` runs): bench mode skips afterAll
// hooks, and an in-process server cannot outlive the run.
const serve = await startHttpHost({
  dispatch: createDispatcher(
    reportApi,
    createHostServices({
      mode: "browser",
      guard: await createPathGuard([docs]),
      stateDir: join(base, "state"),
      clock: fixedDeps(),
      appVersion: "bench",
    }),
  ),
  rendererDir: join(repoRoot, "dist", "renderer"),
});
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
});
