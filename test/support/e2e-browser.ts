import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServe, type ServeProcess } from "./serve-process";
import { repoRoot } from "./template";

export const artifacts = join(repoRoot, "test-artifacts");

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

/** `nianbao serve` over temp folders and a headless Debian Chromium, as the e2e tests drive it. */
export async function startE2eBrowser(): Promise<E2eBrowser> {
  const base = mkdtempSync(join(tmpdir(), "nianbao-e2e-"));
  const docs = join(base, "报告");
  mkdirSync(docs);
  mkdirSync(artifacts, { recursive: true });
  const state = join(base, "state");
  const serve = await startServe(docs, state);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const pageErrors: string[] = [];
  return {
    serve,
    docs,
    state,
    pageErrors,
    newPage: async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "zh-CN" });
      page.on("pageerror", (error) => pageErrors.push(error.message));
      return page;
    },
    close: async () => {
      await browser.close();
      await serve.stop();
    },
  };
}
