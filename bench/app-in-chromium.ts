import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startBrowserMode } from "./support/browser-mode";

/*
 * What a clerk waits for in the app, end to end: browser mode (the same renderer as Electron's)
 * in Debian Chromium at 1440×900, driven through the controls a clerk uses, each case timed from
 * the clerk's action to the result on screen (the in-page clock, read when the result appears).
 * The first run of a case is reported apart: a fresh browser with nothing cached, or the first
 * export of the session (the host starts its PDF browser and font subsetter then).
 */

const RUNS = Number(process.env["NIANBAO_BENCH_APP_RUNS"] ?? "5");

const BIG = "百页报告.nianbao";
const FIXTURE = "木渎镇.nianbao";
const LAST_YEAR_DOCX = "百页上年报告.docx";

export interface AppRun {
  first: number;
  times: number[];
  /** The highest resident set of this process (the host) sampled during the case, in MB. */
  peakRssMb: number;
}

export interface AppBench {
  start: AppRun;
  open100: AppRun;
  importDocx100: AppRun;
  preview100: AppRun;
  preview100Edited: AppRun;
  exportFixture: AppRun;
  export100: AppRun;
  export100Edited: AppRun;
}

export interface AppInputs {
  /** The 100-page report, the fixture (as .nianbao) and the 100-page report as a clerk's .docx. */
  big: string;
  fixture: string;
  bigDocx: string;
}

/** Samples this process's RSS while `run` goes: the host answers the page from this process. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await run();
    return { value, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function repeat(first: () => Promise<number>, next: () => Promise<number>): Promise<AppRun> {
  const { value, peakRssMb } = await withPeakRss(async () => {
    const firstMs = await first();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await next());
    return { firstMs, times };
  });
  return { first: value.firstMs, times: value.times, peakRssMb };
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** performance.now() in the page once `test` holds (checked every frame). */
function when(page: Page, test: (arg: number) => boolean, arg: number): Promise<number> {
  return page.waitForFunction(test, arg, { polling: "raf", timeout: 120_000 }).then(() => now(page));
}

const startPageReady = (_: number) => {
  const button = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.trim() === "导入上年报告");
  return button !== undefined && !button.disabled && document.querySelector(".report-body") === null;
};

const reportReady = (paragraphs: number) => {
  const body = document.querySelector(".report-body");
  return body !== null && body.getAttribute("contenteditable") === "true" && body.querySelectorAll("p").length >= paragraphs;
};

/** Paragraphs in the editor once the 100-page report (or the rolled-forward .docx of it) is open, and once the fixture is. */
const BIG_PARAGRAPHS = 100;
const FIXTURE_PARAGRAPHS = 10;

/** Navigation start → the start page can be used (its 导入上年报告 button there and enabled). */
async function startOnce(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.evaluate(() => sessionStorage.removeItem("nianbao.openPath"));
  await page.reload();
  return when(page, startPageReady, 0);
}

/** Navigation start (a reload with the report remembered) → every paragraph in the editor, editable. */
async function openOnce(page: Page, path: string, paragraphs = BIG_PARAGRAPHS): Promise<number> {
  await page.evaluate((p) => sessionStorage.setItem("nianbao.openPath", p), path);
  await page.reload();
  return when(page, reportReady, paragraphs);
}

/** 导入上年报告 → the .docx chosen → 识别结果 → 确认导入 → the rolled-forward report in the editor. */
async function importOnce(page: Page, url: string): Promise<number> {
  await startOnce(page, url);
  await page.getByRole("button", { name: "导入上年报告", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "导入上年报告" });
  const file = dialog.getByRole("button", { name: `📄 ${LAST_YEAR_DOCX}` });
  await file.waitFor();
  const start = await now(page);
  await file.click();
  await dialog.getByRole("region", { name: "识别结果" }).waitFor({ timeout: 120_000 });
  const recognised = await now(page);
  const confirm = await now(page);
  await dialog.getByRole("button", { name: "确认导入" }).click();
  const loaded = await when(page, reportReady, BIG_PARAGRAPHS);
  // The clerk's reading of the result between the two clicks is not the app's time.
  return recognised - start + (loaded - confirm);
}

/** 导出 PDF → 打印预览 → every sheet in place at its size and the sheets in view drawn (the rest draw as they come into view). */
async function previewOnce(page: Page): Promise<number> {
  await page.getByRole("button", { name: "导出 PDF", exact: true }).click();
  const exporter = page.getByRole("dialog", { name: "导出" });
  const start = await now(page);
  await exporter.getByRole("button", { name: "打印预览" }).click();
  await exporter.locator(".pdf-preview[data-preview='ready']").waitFor({ timeout: 120_000 });
  const end = await now(page);
  await exporter.getByRole("button", { name: "关闭" }).first().click();
  await exporter.waitFor({ state: "detached" });
  return end - start;
}

/** 导出 with Word and PDF both ticked → 开始导出 → 导出完成. */
async function exportOnce(page: Page, name: string): Promise<number> {
  await page.getByRole("button", { name: "导出 Word", exact: true }).click();
  const exporter = page.getByRole("dialog", { name: "导出" });
  const pdf = exporter.getByRole("checkbox", { name: "PDF" });
  if (!(await pdf.isChecked())) await pdf.check();
  await exporter.getByLabel("导出文件名").fill(name);
  const start = await now(page);
  await exporter.getByRole("button", { name: "开始导出" }).click();
  await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 120_000 });
  const end = await now(page);
  await exporter.getByRole("button", { name: "关闭" }).first().click();
  await exporter.waitFor({ state: "detached" });
  return end - start;
}

/** Characters the report has never had: each edit brings one, so its export cuts new font subsets. */
const NEW_CHARACTERS = "鑫淼犇骉羴赟垚焱燚森";
let edits = 0;

/** Types one new character at the end of the middle paragraph: the next PDF is printed anew, with new font subsets. */
async function typeNewCharacter(page: Page): Promise<void> {
  const paragraph = page.locator(".report-body p").nth(100);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.keyboard.press("End");
  await page.keyboard.insertText(NEW_CHARACTERS[edits++ % NEW_CHARACTERS.length] ?? "鑫");
}

async function exportAfterEdit(page: Page, name: string): Promise<number> {
  await typeNewCharacter(page);
  return exportOnce(page, name);
}

async function previewAfterEdit(page: Page): Promise<number> {
  await typeNewCharacter(page);
  return previewOnce(page);
}

export async function benchAppInChromium(inputs: AppInputs, log: (line: string) => void): Promise<AppBench> {
  const mode = await startBrowserMode(async (docs) => {
    copyFileSync(inputs.big, join(docs, BIG));
    copyFileSync(inputs.fixture, join(docs, FIXTURE));
    copyFileSync(inputs.bigDocx, join(docs, LAST_YEAR_DOCX));
  });
  try {
    const page = await mode.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    const big = join(mode.docs, BIG);
    const fixture = join(mode.docs, FIXTURE);
    log(`  app-start ×${RUNS} (+ the first, nothing cached)`);
    const start = await repeat(
      () => startOnce(page, mode.url),
      () => startOnce(page, mode.url),
    );
    log(`  app-open-100 ×${RUNS} (+ the first)`);
    const fresh = await mode.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
    await fresh.goto(mode.url);
    const open100 = await repeat(
      () => openOnce(fresh, big),
      () => openOnce(page, big),
    );
    await fresh.close();
    log(`  app-import-docx-100 ×${RUNS} (+ the first)`);
    const importDocx100 = await repeat(
      () => importOnce(page, mode.url),
      () => importOnce(page, mode.url),
    );
    await openOnce(page, big);
    log(`  app-preview-100 ×${RUNS} (+ the first)`);
    const preview100 = await repeat(
      () => previewOnce(page),
      () => previewOnce(page),
    );
    log(`  app-preview-100-edited ×${RUNS} (+ the first)`);
    const preview100Edited = await repeat(
      () => previewAfterEdit(page),
      () => previewAfterEdit(page),
    );
    log(`  app-export-100 ×${RUNS} (+ the first)`);
    const export100 = await repeat(
      () => exportOnce(page, "百页导出"),
      () => exportOnce(page, "百页导出"),
    );
    await openOnce(page, fixture, FIXTURE_PARAGRAPHS);
    log(`  app-export-fixture ×${RUNS} (+ the first)`);
    const exportFixture = await repeat(
      () => exportOnce(page, "木渎镇导出"),
      () => exportOnce(page, "木渎镇导出"),
    );
    await openOnce(page, big);
    log(`  app-export-100-edited ×${RUNS} (+ the first)`);
    const export100Edited = await repeat(
      () => exportAfterEdit(page, "百页改后导出"),
      () => exportAfterEdit(page, "百页改后导出"),
    );
    return { start, open100, importDocx100, preview100, preview100Edited, exportFixture, export100, export100Edited };
  } finally {
    await mode.close();
  }
}
