import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { FIXTURE_MARKDOWN } from "./report-from-markdown";
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServe, type ServeProcess } from "./serve-process";
import { repoRoot } from "./template";

export const artifacts = join(repoRoot, "test-artifacts");

/** The name the import dialog lists last year's report under, once placeFixture put it in the reports folder. */
export const FIXTURE_NAME = basename(FIXTURE_MARKDOWN);

export function placeFixture(docs: string): void {
  copyFileSync(FIXTURE_MARKDOWN, join(docs, FIXTURE_NAME));
}

/** 导入上年报告 as a clerk does it: the fixture (or another file) from the reports folder, rolled forward, 确认导入. */
export async function importFixture(page: Page, url: string, fileName = FIXTURE_NAME): Promise<void> {
  await page.goto(url);
  await page.getByRole("button", { name: "导入上年报告", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "导入上年报告" });
  await dialog.getByRole("button", { name: `📄 ${fileName}` }).click();
  await dialog.getByRole("region", { name: "识别结果" }).waitFor();
  await dialog.getByRole("button", { name: "确认导入" }).click();
  await page.locator(".report-body").waitFor();
}

export interface E2eBrowser {
  serve: ServeProcess;
  /** The reports folder the host was started with (`serve --dir`). */
  docs: string;
  /** The host's `--state-dir` (recent files, autosave copies). */
  state: string;
  /** Uncaught errors of every page opened with newPage. */
  pageErrors: string[];
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/**
 * `nianbao serve` over temp folders and a headless Debian Chromium, as the e2e tests drive it.
 * Given the folders of an earlier run, the host starts again over them, as after a crash.
 */
export async function startE2eBrowser(folders?: { docs: string; state: string }): Promise<E2eBrowser> {
  const { docs, state } = folders ?? newFolders();
  mkdirSync(artifacts, { recursive: true });
  const serve = await startServe(docs, state);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const pageErrors: string[] = [];
  return {
    serve,
    docs,
    state,
    pageErrors,
    newPage: async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "zh-CN" });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    },
    close: async () => {
      await browser.close();
      await serve.stop();
    },
  };
}

/** The state most e2e tests start from: the host and browser up, last year's report imported at 1440×900. */
export async function startWithImportedFixture(): Promise<{ session: E2eBrowser; page: Page }> {
  const session = await startE2eBrowser();
  placeFixture(session.docs);
  const page = await session.newPage();
  await importFixture(page, session.serve.url);
  return { session, page };
}

function newFolders(): { docs: string; state: string } {
  const base = mkdtempSync(join(tmpdir(), "nianbao-e2e-"));
  const docs = join(base, "报告");
  mkdirSync(docs);
  return { docs, state: join(base, "state") };
}

/** The 检查 panel once its findings are of the text as it now stands (the checks run in a worker, a moment after each change). */
export async function settledChecks(page: Page): Promise<Locator> {
  await page.locator("section[aria-label='检查']:not([aria-busy='true'])").waitFor();
  return page.getByRole("region", { name: "检查" });
}
