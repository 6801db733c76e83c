import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startBrowserModeHost } from "../../host/http/start-browser-mode-host";
import { appRoot } from "../../host/paths";
import { fixedDeps } from "../../test/support/deps";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../test/support/serve-process";

export interface BrowserMode {
  /** The reports folder the host may read and write (`serve --dir`). */
  docs: string;
  /** The address that opens the app (the token in its fragment). */
  url: string;
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Browser mode as a clerk runs it: the host `nianbao serve` starts (startBrowserModeHost), in this
 * process, over a fresh reports folder, and Debian Chromium through playwright-core. `fill` puts
 * the files the clerk has into the folder before the host starts.
 */
export async function startBrowserMode(
  fill: (docs: string) => Promise<void>,
  rendererDir = join(appRoot(), "dist", "renderer"),
): Promise<BrowserMode> {
  const base = mkdtempSync(join(tmpdir(), "nianbao-bench-app-"));
  const docs = join(base, "docs");
  const stateDir = join(base, "state");
  mkdirSync(docs);
  mkdirSync(stateDir);
  await fill(docs);
  const host = await startBrowserModeHost({ folders: [docs], stateDir, rendererDir, clock: fixedDeps(), appVersion: "bench" });
  const browser = await chromium
    .launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      await host.close();
      throw error;
    });
  return {
    docs,
    url: host.url,
    browser,
    close: async () => {
      await browser.close();
      await host.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
