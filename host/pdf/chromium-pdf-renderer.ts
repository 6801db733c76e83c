import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { z } from "zod";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { findChromium } from "./find-chromium";
import type { PdfRenderer } from "./pdf-renderer";

/**
 * A headless system Chromium/Chrome/Edge driven by playwright-core. The browser and one tab start
 * on first use and stay up until close(): a batch of exports pays the launch once, and the tab's
 * renderer keeps the (large) CJK font files decoded between renders.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private page: Promise<Page> | null = null;
  /** Renders share the tab, so they run one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly executablePath: string | null = findChromium()) {}

  private launch(): Promise<Browser> {
    const executablePath = this.executablePath;
    if (executablePath === null) {
      throw new NianbaoError(
        "not_found",
        "未找到 Chromium、Chrome 或 Edge 浏览器，无法生成 PDF。请安装其中之一，或用环境变量 NIANBAO_CHROMIUM 指明其路径。",
        "no Chromium, Chrome or Edge found to print the PDF; install one or set NIANBAO_CHROMIUM",
      );
    }
    // Root (CI containers) cannot use Chromium's sandbox; a normal user keeps it.
    const args = typeof process.getuid === "function" && process.getuid() === 0 ? ["--no-sandbox"] : [];
    this.browser ??= chromium.launch({ executablePath, headless: true, args });
    return this.browser;
  }

  private tab(): Promise<Page> {
    this.page ??= this.launch().then((browser) => browser.newPage());
    return this.page;
  }

  render(htmlPath: string): Promise<Uint8Array> {
    const job = this.queue.then(() =>
      this.renderNow(htmlPath).catch(async (error: unknown) => {
        // A failed render may leave the tab mid-navigation: the next one starts from a fresh tab.
        const page = this.page;
        this.page = null;
        await page?.then((p) => p.close()).catch(() => undefined);
        throw error;
      }),
    );
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async renderNow(htmlPath: string): Promise<Uint8Array> {
    const page = await this.tab();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
    // A string, because host code is compiled without DOM types; it runs in the page.
    const failed = z
      .array(z.string())
      .parse(
        await page.evaluate(
          `document.fonts.ready.then(() => [...document.fonts].filter((f) => f.status === "error").map((f) => f.family))`,
        ),
      );
    if (failed.length > 0) {
      throw new NianbaoError("io_error", `字体文件无法加载：${failed.join("、")}`, `font files failed to load: ${failed.join(", ")}`);
    }
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.page = null;
    if (browser !== null) await (await browser).close();
  }
}
