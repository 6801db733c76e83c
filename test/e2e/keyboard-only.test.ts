import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { artifacts, FIXTURE_NAME, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";
import { FIXTURE_MARKDOWN } from "../support/report-from-markdown";
import { cutOrOutside, inSight } from "../support/layout-checks";
import { documentXml } from "../support/tracked-changes";

/*
 * A clerk without a mouse: only page.keyboard drives the app. Locators only look (assertions, and
 * reading what is on screen to decide the next key, as the clerk's eyes would).
 */

interface Focused {
  name: string;
  /** The focused element shows a focus ring (outline or shadow) the clerk can see. */
  ring: boolean;
  inDialog: string | null;
  inText: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return { name: "", ring: false, inDialog: null, inText: false };
    const labels = el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.labels : null;
    const name = (el.getAttribute("aria-label") ?? labels?.[0]?.textContent ?? el.textContent ?? "").trim();
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    return {
      name,
      ring,
      inDialog: el.closest("[role='dialog']")?.getAttribute("aria-label") ?? null,
      inText: el.closest(".ProseMirror") !== null,
    };
  });
}

/**
 * Tab (or Shift+Tab) until the control named `name` has the focus, as a clerk follows the focus
 * ring; every stop must show the ring and, inside a modal dialog, stay in it.
 */
async function tabTo(page: Page, name: string | RegExp, options: { back?: boolean; dialog?: string; max?: number } = {}): Promise<void> {
  const hit = (n: string) => (typeof name === "string" ? n === name : name.test(n));
  for (let i = 0; i <= (options.max ?? 60); i++) {
    const now = await focused(page);
    if (i > 0 || hit(now.name)) {
      expect(now.ring, `focus ring on “${now.name}”`).toBe(true);
      if (options.dialog !== undefined) expect(now.inDialog, `Tab left the dialog at “${now.name}”`).toBe(options.dialog);
    }
    if (hit(now.name)) return;
    await page.keyboard.press(options.back === true ? "Shift+Tab" : "Tab");
  }
  throw new Error(`the keyboard never reached “${String(name)}”`);
}

/** F6 until the focus is in the pane (toolbar, side panel, text, status bar). */
async function paneTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    if (await page.evaluate((s) => document.querySelector(s)?.contains(document.activeElement) === true, selector)) return;
    await page.keyboard.press("F6");
  }
  throw new Error(`F6 never reached ${selector}`);
}

const selectedChip = (page: Page) =>
  page.evaluate(() => {
    const chip = document.querySelector(".report-body .ProseMirror-selectednode");
    return chip?.getAttribute("data-field-id") ?? chip?.querySelector("[data-field-id]")?.getAttribute("data-field-id") ?? null;
  });

/** The values the clerk types into the first five chips that take a number (f4 is computed from f2). */
const TYPED: Record<string, { input: string; value: string; shown: string }> = {
  f1: { input: "10", value: "10", shown: "10个" },
  f2: { input: "超40万", value: "400000", shown: "超40万件" },
  f3: { input: "27", value: "27", shown: "27%" },
  f5: { input: "超8万", value: "80000", shown: "超8万平方米" },
  f6: { input: "两", value: "2", shown: "2处" },
};

describe("keyboard only: import, fill, check, export and sign off without the mouse", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startE2eBrowser();
    page = await session.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it("imports last year's report through the system file dialog and lands in the text", async () => {
    // Listening from the start: Playwright intercepts the system's file dialog only once it listens.
    const chosen: string[] = [];
    page.on("filechooser", (chooser) => {
      chosen.push("asked");
      void chooser.setFiles(FIXTURE_MARKDOWN);
    });
    await page.goto(session.serve.url);
    await page.getByRole("button", { name: "导入上年报告", exact: true }).waitFor();
    await page.screenshot({ path: join(artifacts, "start-page.png") });
    await tabTo(page, "导入上年报告");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "导入上年报告" });
    await dialog.waitFor();
    // The focus went into the dialog, on 选择文件…; Enter opens the system's file dialog, where the
    // clerk types the path of last year's report (it is not in the reports folder).
    await expect(focused(page)).resolves.toMatchObject({ name: "选择文件…", inDialog: "导入上年报告" });
    await page.keyboard.press("Enter");
    await dialog.getByRole("region", { name: "识别结果" }).waitFor();
    expect(chosen).toEqual(["asked"]);
    await expect(dialog.getByRole("region", { name: "识别结果" }).textContent()).resolves.toContain(`识别结果：${FIXTURE_NAME}`);
    await tabTo(page, "确认导入", { dialog: "导入上年报告" });
    await page.screenshot({ path: join(artifacts, "import-dialog.png") });
    await page.keyboard.press("Enter");
    await page.locator(".report-body").waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    // As in Word, the opened report has the keyboard: no click into the text needed.
    await expect.poll(async () => (await focused(page)).inText).toBe(true);
    // At 1440×900 the toolbar is one line, no button or status item is cut, the deadlines sit at the right end.
    await expect(page.getByRole("toolbar", { name: "工具栏" }).evaluate((el) => el.getBoundingClientRect().height)).resolves.toBeLessThan(
      48,
    );
    await expect(cutOrOutside(page, ".toolbar button, .toolbar select, .status-bar__item, .side-panel button")).resolves.toEqual([]);
    await expect(
      page
        .locator(".status-bar__deadline")
        .last()
        .evaluate((el) => window.innerWidth - el.getBoundingClientRect().right),
    ).resolves.toBeLessThan(24);
  });

  it("fills five numbers: F11 to the next chip, Enter opens it, 确认数值 by Tab+Enter or Ctrl+Enter", async () => {
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    const done: string[] = [];
    for (let presses = 0; done.length < Object.keys(TYPED).length && presses < 15; presses++) {
      await page.keyboard.press("F11");
      const id = await selectedChip(page);
      const typed = id === null ? undefined : TYPED[id];
      if (id === null || typed === undefined || done.includes(id)) continue;
      await page.keyboard.press("Enter");
      await popover.waitFor();
      await expect(focused(page)).resolves.toMatchObject({ name: "数值", inDialog: "编辑字段" });
      await page.keyboard.type(typed.input);
      // The popover's buttons are in sight, not under a notice or off the window.
      for (const name of ["应用", "确认数值", "取消"]) await expect(inSight(popover.getByRole("button", { name }))).resolves.toBe(true);
      if (done.length === 0) {
        await page.screenshot({ path: join(artifacts, "keyboard-field-popover.png") });
        await tabTo(page, "确认数值", { dialog: "编辑字段" });
        await page.keyboard.press("Enter");
      } else {
        await page.keyboard.press("Control+Enter");
      }
      await expect(popover.count()).resolves.toBe(0);
      // The caret is back in the text, right after the chip.
      await expect(focused(page)).resolves.toMatchObject({ inText: true });
      await expect(page.locator(`.report-body [data-field-id='${id}']`).first().getAttribute("aria-label")).resolves.not.toContain(
        "未确认",
      );
      done.push(id);
    }
    expect(done.sort()).toEqual(Object.keys(TYPED).sort());
    await expect.poll(() => page.getByRole("contentinfo", { name: "状态栏" }).textContent()).toContain("未确认字段 15");
  });

  it("runs 检查 with F7 and reads the findings with the keyboard", async () => {
    await page.keyboard.press("F7");
    const checks = page.getByRole("region", { name: "检查" });
    await checks.waitFor();
    await expect.poll(async () => (await focused(page)).name).toMatch(/尚未/);
    await expect(focused(page)).resolves.toMatchObject({ ring: true });
    const text = (await checks.textContent()) ?? "";
    for (const label of ["顺利完成新社区选举工作", "受理各类审批服务事项", "占全区总量", "拆除各类违建", "拆除违规广告设施"])
      expect(text).not.toContain(`“${label}”尚未`);
    expect(text).toContain("“整改隐患”尚未");
    await page.screenshot({ path: join(artifacts, "keyboard-checks.png") });
    // Enter on a finding points at its place; the text has the keyboard again.
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).inText).toBe(true);
  });

  it("fills and confirms the other numbers in the 字段 table, like a spreadsheet", async () => {
    await paneTo(page, ".toolbar");
    await tabTo(page, "字段");
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "字段" });
    await panel.waitFor();
    await page.keyboard.press("F6");
    await expect(focused(page)).resolves.toMatchObject({ name: "加宽" });
    await page.keyboard.press("Enter");
    await tabTo(page, "顺利完成新社区选举工作 本年数值");
    const cells = panel.locator("input[data-cell='value']");
    const count = await cells.count();
    for (let i = 0; i < count; i++) {
      const now = await focused(page);
      expect(now.name).toMatch(/ 本年数值$/);
      if ((await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) === "") await page.keyboard.type("1");
      await page.keyboard.press("Enter");
    }
    // The last Enter keeps the focus in the table.
    await expect(focused(page)).resolves.toMatchObject({ name: "发放宣传材料 本年数值" });
    // F6 round to the top of the panel, then Tab to 全选 in the table's header.
    await page.keyboard.press("Shift+F6");
    await page.keyboard.press("F6");
    await tabTo(page, "全选");
    await page.keyboard.press("Space");
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => page.getByRole("contentinfo", { name: "状态栏" }).textContent()).toContain("未确认字段 0");
    await page.screenshot({ path: join(artifacts, "keyboard-fields-table.png") });
  });

  it("saves with Ctrl+S, checks 报告信息 and exports Word and PDF from the export dialog", async () => {
    await page.keyboard.press("Control+s");
    const save = page.getByRole("dialog", { name: "保存报告" });
    await save.waitFor();
    await expect(focused(page)).resolves.toMatchObject({ name: "文件名", inDialog: "保存报告" });
    await page.keyboard.type("木渎2024");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.title()).toBe("2024年度木渎镇法治政府建设工作报告 — 木渎2024.nianbao — 年报");
    await expect.poll(() => save.count()).toBe(0);

    // 报告信息 from the toolbar; Esc closes it and the focus goes back to its button.
    await paneTo(page, ".toolbar");
    await tabTo(page, "报告信息");
    await page.keyboard.press("Enter");
    const info = page.getByRole("dialog", { name: "报告信息" });
    await info.waitFor();
    await expect(focused(page)).resolves.toMatchObject({ name: "标题", inDialog: "报告信息" });
    await page.screenshot({ path: join(artifacts, "report-info-dialog.png") });
    await page.keyboard.press("Escape");
    await expect(info.count()).resolves.toBe(0);
    await expect(focused(page)).resolves.toMatchObject({ name: "报告信息", ring: true });
    // ←/→ walk the toolbar as in a ribbon.
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ name: "大纲", ring: true });
    await page.keyboard.press("ArrowLeft");
    await expect(focused(page)).resolves.toMatchObject({ name: "报告信息" });

    await paneTo(page, ".page-scroll");
    await page.keyboard.press("Control+e");
    const exporter = page.getByRole("dialog", { name: "导出" });
    await exporter.waitFor();
    await tabTo(page, "PDF", { dialog: "导出" });
    await page.keyboard.press("Space");
    await tabTo(page, "开始导出", { dialog: "导出" });
    await page.keyboard.press("Enter");
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 90_000 });
    await page.screenshot({ path: join(artifacts, "keyboard-export-done.png") });
    // The result and the font list make the dialog long: its buttons stay in sight.
    for (const name of ["开始导出", "关闭"]) await expect(inSight(exporter.getByRole("button", { name }))).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(exporter.count()).resolves.toBe(0);
    await expect.poll(async () => (await focused(page)).inText).toBe(true);

    const docx = join(session.docs, "木渎2024.docx");
    const words = documentXml(docx).replace(/<[^>]+>/g, "");
    for (const { shown } of Object.values(TYPED)) expect(words.replace(/\s/g, "")).toContain(shown);
    const pdfText = execFileSync("pdftotext", [join(session.docs, "木渎2024.pdf"), "-"], { encoding: "utf8" }).replace(/\s/g, "");
    expect(pdfText).toContain("受理各类审批服务事项超40万件");
  });

  it("signs off 拟稿 → 审核 → 签发 by three people, from the 签发 panel", async () => {
    await paneTo(page, ".toolbar");
    await tabTo(page, "签发");
    await page.keyboard.press("Enter");
    const panel = page.getByRole("region", { name: "签发" });
    await panel.waitFor();
    await page.keyboard.press("F6");
    await expect(focused(page)).resolves.toMatchObject({ name: "姓名" });
    const steps: [string, string, string][] = [
      ["王小明", "提交审核", "审核中"],
      ["李审核", "审核通过", "待签发"],
      ["张镇长", "签发", "已签发"],
    ];
    for (const [person, button, stage] of steps) {
      // After each step the focus is back on 姓名, its text selected for the next person.
      await expect.poll(async () => (await focused(page)).name).toBe("姓名");
      await page.keyboard.type(person);
      await tabTo(page, button);
      await page.keyboard.press("Enter");
      await expect.poll(() => panel.textContent()).toContain(`当前状态：${stage}`);
    }
    await page.screenshot({ path: join(artifacts, "keyboard-signoff.png") });
    await expect.poll(() => page.locator(".report-body").getAttribute("contenteditable")).toBe("false");

    const saved = Report.parse(JSON.parse(readFileSync(join(session.docs, "木渎2024.nianbao"), "utf8")));
    expect(saved.workflow.state).toBe("approved");
    expect(saved.workflow.events.filter((e) => e.person !== "").map((e) => [e.person, e.role])).toEqual([
      ["王小明", "拟稿人"],
      ["李审核", "审核人"],
      ["张镇长", "签发人"],
    ]);
    for (const [id, { value }] of Object.entries(TYPED)) expect(saved.fields[id]).toMatchObject({ value, status: "confirmed" });
    expect(Object.values(saved.fields).every((f) => f.status === "confirmed" || f.kind === "growth")).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});
