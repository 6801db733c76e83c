import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { documentXml } from "../support/tracked-changes";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";

/*
 * The editor as a clerk used to Word meets it (issue 16): paragraph styles and Enter, findings
 * that point instead of select, review marks that can be cleared, a word-by-word comparison with
 * last year, and pasting from Word. Everything through the mouse and the keyboard.
 */

const part = (page: Page, id: string) => page.locator(`.report-body section[data-part='${id}']`);

/** The caret at the end of a paragraph, by clicking right of its last line as a clerk does. */
async function caretAtEnd(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector);
  // Parts off screen are laid out from a size hint (content-visibility): once scrolled to, a part
  // may take its real height and move what was measured, so the click is checked and made again.
  for (let attempt = 0; attempt < 5; attempt++) {
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (box === null) throw new Error(`${selector} is not on screen`);
    await target.click({ position: { x: box.width - 3, y: box.height - 6 } });
    await page.keyboard.press("End");
    const inside = await target.evaluate((el) => {
      const anchor = window.getSelection()?.anchorNode ?? null;
      return anchor !== null && el.contains(anchor);
    });
    if (inside) return;
  }
  throw new Error(`the caret did not land in ${selector}`);
}

const selectionIsEmpty = (page: Page) => page.evaluate(() => window.getSelection()?.isCollapsed === true);

describe("the editor a Word user trusts", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    ({ session, page } = await startWithImportedFixture());
  });

  afterAll(async () => {
    await session?.close();
  });

  it("gives 正文 after Enter at the end of a heading and of a body paragraph, and styles paragraphs from the toolbar, the keyboard and the right-click menu", async () => {
    const style = page.getByRole("combobox", { name: "段落样式" });
    const duty = part(page, "duty");
    await caretAtEnd(page, ".report-body section[data-part='duty'] > h1");
    await expect.poll(() => style.inputValue()).toBe("1");
    await page.keyboard.press("Enter");
    await page.keyboard.type("本年度新增一段正文。");
    await expect(duty.locator("> :nth-child(2)").evaluate((el) => el.tagName)).resolves.toBe("P");
    await expect(duty.locator("> p").first().textContent()).resolves.toBe("本年度新增一段正文。");
    await expect.poll(() => style.inputValue()).toBe("body");
    // A new paragraph is this year's text, not last year's.
    await expect(duty.locator("> p").first().getAttribute("data-carried")).resolves.toBeNull();

    await page.keyboard.press("Enter");
    await page.keyboard.type("再写一段。");
    await expect(duty.locator("> p").nth(1).textContent()).resolves.toBe("再写一段。");

    // Ctrl+Alt+2: a level-2 heading numbered after the ones above it in the part (none here).
    await page.keyboard.press("Control+Alt+2");
    await expect(duty.locator("> h2").count()).resolves.toBe(1);
    await expect(duty.locator("> h2").textContent()).resolves.toBe("（一）再写一段。");
    await expect.poll(() => style.inputValue()).toBe("2");
    // Ctrl+Alt+0 back to 正文, without the number.
    await page.keyboard.press("Control+Alt+0");
    await expect(duty.locator("> h2").count()).resolves.toBe(0);
    await expect(duty.locator("> p").nth(1).textContent()).resolves.toBe("再写一段。");

    // The toolbar list: 二级标题 in part two, after its six subsections and before nothing, is （七）.
    const measures = part(page, "measures");
    await caretAtEnd(page, ".report-body section[data-part='measures'] > p >> nth=-1");
    await page.keyboard.press("Enter");
    await page.keyboard.type("优化法治化营商环境情况");
    await expect.poll(() => measures.locator("> p").last().textContent()).toBe("优化法治化营商环境情况");
    await style.selectOption({ label: "二级标题 （一）" });
    await expect.poll(() => measures.locator("> h2").last().textContent()).toBe("（七）优化法治化营商环境情况");
    // The number is text the clerk may edit; the caret is back in the text.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);

    // The right-click menu: 三级标题 under it.
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("开展营商环境评价");
    const paragraph = measures.locator("> p").last();
    await expect(paragraph.textContent()).resolves.toBe("开展营商环境评价");
    await paragraph.click({ button: "right" });
    const menu = page.getByRole("menu", { name: "段落" });
    await expect(menu.getByRole("menuitemradio", { name: /正文/ }).getAttribute("aria-checked")).resolves.toBe("true");
    await page.screenshot({ path: join(artifacts, "editor-context-menu.png") });
    await menu.getByRole("menuitemradio", { name: /三级标题/ }).click();
    await expect(menu.count()).resolves.toBe(0);
    await expect(measures.locator("> h3").last().textContent()).resolves.toBe("1.开展营商环境评价");
    // The same menu from the keyboard (Shift+F10), arrows and Enter; Ctrl+Z takes the style back.
    await page.keyboard.press("Shift+F10");
    await expect(menu.count()).resolves.toBe(1);
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(measures.locator("> h4").last().textContent()).resolves.toBe("（1）开展营商环境评价");
    await page.keyboard.press("Control+z");
    await expect(measures.locator("> h3").last().textContent()).resolves.toBe("1.开展营商环境评价");

    // A statutory heading keeps its style, and says why.
    await caretAtEnd(page, ".report-body section[data-part='measures'] > h1");
    await expect.poll(() => style.inputValue()).toBe("1");
    await page.keyboard.press("Control+Alt+0");
    await expect.poll(() => page.getByRole("status").filter({ hasText: "法定部分的一级标题不能更改样式" }).count()).toBe(1);
    await expect(measures.locator("> h1").count()).resolves.toBe(1);
    await page.screenshot({ path: join(artifacts, "editor-paragraph-styles.png") });

    // In the file and in the Word export, the text typed after the heading is body text.
    const saved = await savedReport(page, session.docs, "木渎2024");
    const dutyPart = saved.body.content.find((n) => n.type === "part" && n.attrs.partId === "duty");
    expect(dutyPart?.type === "part" ? dutyPart.content.slice(0, 3).map((b) => b.type) : []).toEqual(["heading", "paragraph", "paragraph"]);
    await page.getByRole("button", { name: "导出 Word", exact: true }).click();
    const exporter = page.getByRole("dialog", { name: "导出" });
    await exporter.getByRole("button", { name: "开始导出" }).click();
    await exporter.getByRole("status", { name: "导出完成" }).waitFor({ timeout: 60_000 });
    await exporter.getByRole("button", { name: "关闭" }).click();
    const paragraphs = documentXml(join(session.docs, "木渎2024.docx")).split("</w:p>");
    const typed = paragraphs.find((xml) => xml.replace(/<[^>]+>/g, "").includes("本年度新增一段正文。"));
    expect(typed).toBeDefined();
    expect(typed).not.toMatch(/w:pStyle w:val="Heading/);
    const subsection = paragraphs.find((xml) => xml.replace(/<[^>]+>/g, "").includes("（七）优化法治化营商环境情况"));
    expect(subsection).toMatch(/w:pStyle w:val="Heading2"/);
  });

  it("points at a finding's place without selecting it: the first key typed keeps the heading", async () => {
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const checks = page.getByRole("region", { name: "检查" });
    await page.screenshot({ path: join(artifacts, "checks-panel.png") });
    // A finding about the subsection heading added above: its number breaks no rule, but the
    // level-3 "1." under it is reported by the numbering check only if wrong; use a carried heading instead.
    const finding = checks.getByRole("button", { name: /此段沿用上年报告.*（二）推进行政决策/ });
    await finding.click();
    const heading = part(page, "measures").locator("> h2", { hasText: "推进行政决策" });
    await expect.poll(() => heading.evaluate((el) => el.classList.contains("locate-flash"))).toBe(true);
    await expect(selectionIsEmpty(page)).resolves.toBe(true);
    // In the middle of the page column, not at its edge.
    const { top, bottom } = await heading.evaluate((el) => el.getBoundingClientRect());
    const view = await page.locator(".page-scroll").evaluate((el) => el.getBoundingClientRect());
    const middle = (view.top + view.bottom) / 2;
    expect(Math.abs((top + bottom) / 2 - middle)).toBeLessThan(view.height / 4);
    await page.screenshot({ path: join(artifacts, "checks-finding-located.png") });
    await page.keyboard.type("X");
    await expect(heading.textContent()).resolves.toBe("X（二）推进行政决策科学化民主化法治化情况");
    await page.keyboard.press("Backspace");
    await expect(heading.textContent()).resolves.toBe("（二）推进行政决策科学化民主化法治化情况");
  });

  it("clears 沿用上年 when a carried paragraph is rewritten, not when only its numbers change, and per part with undo", async () => {
    const checks = page.getByRole("region", { name: "检查" });
    const carriedFindings = checks.getByRole("button", { name: /^此段沿用上年报告/ });
    // The heading typed into above has been rewritten (X, then Backspace): no longer last year's.
    await expect.poll(() => checks.getByRole("button", { name: /^此段沿用上年报告.*（二）推进行政决策/ }).count()).toBe(0);
    const before = await carriedFindings.count();
    expect(before).toBeGreaterThan(10);
    // The statutory headings are fixed text: never reported, never coloured.
    await expect(checks.getByRole("button", { name: /^此段沿用上年报告.*党政主要负责人履行/ }).count()).resolves.toBe(0);
    await expect(
      part(page, "duty")
        .locator("> h1")
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).resolves.toBe("rgba(0, 0, 0, 0)");

    // A number typed into a carried paragraph is not a rewrite.
    const numbered = part(page, "measures")
      .locator("> p", { has: page.locator("[data-field-id]") })
      .first();
    await expect(numbered.getAttribute("data-carried")).resolves.toBe("true");
    await numbered.locator("[data-field-id]").first().click();
    const popover = page.getByRole("dialog", { name: "编辑字段" });
    await popover.getByLabel("数值").fill("12");
    await popover.getByRole("button", { name: "确认数值" }).click();
    await expect(popover.count()).resolves.toBe(0);
    await expect(numbered.getAttribute("data-carried")).resolves.toBe("true");

    // Rewording it is.
    const dutyText = part(page, "duty").locator("> p", { hasText: "木渎镇高度重视法治建设工作" });
    await expect(dutyText.getAttribute("data-carried")).resolves.toBe("true");
    await caretAtEnd(page, ".report-body section[data-part='duty'] > p:has-text('木渎镇高度重视法治建设工作')");
    await page.keyboard.type("全年召开专题会议四次。");
    await expect.poll(() => dutyText.getAttribute("data-carried")).toBeNull();
    await expect.poll(() => carriedFindings.count()).toBe(before - 1);

    // Right-click → 标为已审阅 on one paragraph.
    const nextYear = part(page, "nextYear").locator("> p").first();
    await nextYear.click({ button: "right" });
    await page.getByRole("menu", { name: "段落" }).getByRole("menuitem", { name: "标为已审阅" }).click();
    await expect(nextYear.getAttribute("data-carried")).resolves.toBeNull();
    await expect.poll(() => carriedFindings.count()).toBe(before - 2);

    // 本部分全部已审阅 in the outline, and Ctrl+Z takes it back.
    await page.getByRole("button", { name: "大纲", exact: true }).click();
    const outline = page.getByRole("region", { name: "大纲" });
    const measuresEntry = outline.getByRole("listitem").filter({ hasText: "主要举措和成效" });
    await expect.poll(() => measuresEntry.textContent()).toMatch(/上年原文 \d+%待审阅 \d+ 段/);
    await page.screenshot({ path: join(artifacts, "outline-review.png") });
    await measuresEntry.getByRole("button", { name: "本部分全部已审阅" }).click();
    await expect.poll(() => part(page, "measures").locator("[data-carried='true']").count()).toBe(0);
    await expect.poll(() => measuresEntry.textContent()).toContain("已审阅");
    await page.keyboard.press("Control+z");
    await expect.poll(() => part(page, "measures").locator("[data-carried='true']").count()).toBeGreaterThan(5);
    await page.keyboard.press("Control+y");
    await expect.poll(() => part(page, "measures").locator("[data-carried='true']").count()).toBe(0);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => checks.getByRole("button", { name: /^此段沿用上年报告/ }).count()).toBeLessThan(before - 10);
  });

  it("scrolls a part's heading near the top when it is clicked in the outline", async () => {
    await page.getByRole("button", { name: "大纲", exact: true }).click();
    const outline = page.getByRole("region", { name: "大纲" });
    for (const [name, id] of [
      ["不足和原因", "shortcomings"],
      ["主要举措和成效", "measures"],
      ["下一年度", "nextYear"],
    ] as const) {
      await outline
        .getByRole("button", { name: new RegExp(name) })
        .first()
        .click();
      const heading = part(page, id).locator("> h1");
      const top = await heading.evaluate(
        (el) => el.getBoundingClientRect().top - (el.closest(".page-scroll")?.getBoundingClientRect().top ?? 0),
      );
      // The last part may not scroll that far: the page ends.
      if (id !== "nextYear") expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(120);
    }
  });

  it("pastes from Word without its look, splits the paragraph it lands in, and 上年对照 matches the pieces word by word", async () => {
    const target = part(page, "shortcomings").locator("> p").first();
    await target.click();
    // The caret just before 主要表现在, as a click there would put it (set through the DOM selection, which the editor follows).
    await target.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf("主要表现在") ?? -1;
        if (at >= 0) return window.getSelection()?.collapse(node, at);
      }
      throw new Error("主要表现在 not found");
    });
    await expect
      .poll(() =>
        page.evaluate(() =>
          window
            .getSelection()
            ?.focusNode?.textContent?.slice(window.getSelection()?.focusOffset ?? 0, (window.getSelection()?.focusOffset ?? 0) + 5),
        ),
      )
      .toBe("主要表现在");
    const wordHtml =
      "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>" +
      "<p class=MsoNormal><b><span style='font-family:黑体;color:red;font-size:18.0pt'>复制来的加粗文字，</span></b><i>斜体</i></p>" +
      "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:仿宋_GB2312;color:#1F4E79'>全年办理复议案件126件。</span></p>" +
      "</body></html>";
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "复制来的加粗文字，斜体\n1.全年办理复议案件126件。");
      document
        .querySelector(".report-body")
        ?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, wordHtml);
    const shortcomings = part(page, "shortcomings");
    await expect.poll(() => shortcomings.textContent()).toContain("全年办理复议案件126件。");
    // Only the editor's own size hint (block-size-hint) may carry a style; nothing pasted does.
    await expect(shortcomings.locator('strong, b, em, i, [style]:not([style^="--lines"])').count()).resolves.toBe(0);
    const paragraphs = await shortcomings.locator("> p").allTextContents();
    expect(paragraphs.some((p) => p.endsWith("复制来的加粗文字，斜体"))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith("1.全年办理复议案件126件。主要表现在"))).toBe(true);
    await page.screenshot({ path: join(artifacts, "editor-pasted-from-word.png") });

    await page.getByRole("button", { name: "上年对照", exact: true }).click();
    const compare = page.getByRole("region", { name: "上年对照" });
    const items = compare.getByRole("list", { name: "段落对照" }).getByRole("listitem");
    // Both halves answer to last year's paragraph; neither is 新增.
    const pieces = items.filter({ hasText: "主要表现在" }).or(items.filter({ hasText: "复制来的加粗文字" }));
    await expect.poll(() => pieces.count()).toBe(2);
    for (const label of await pieces.getByRole("button").allTextContents()) expect(label).not.toBe("新增");
    // The sentence added to the duty paragraph reads as one insertion, whole words, not scrambled characters.
    const rewritten = items.filter({ hasText: "全年召开专题会议四次" });
    await expect(rewritten.getByLabel("本年").locator("ins").allTextContents()).resolves.toEqual(["全年召开专题会议四次。"]);
    await expect(rewritten.getByLabel("上年").locator("del").count()).resolves.toBe(0);
    await page.screenshot({ path: join(artifacts, "compare-panel.png") });
  });
});

export async function savedReport(page: Page, docs: string, name: string): Promise<Report> {
  await page.getByRole("button", { name: "保存", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "保存报告" });
  await dialog.getByLabel("文件名").fill(name);
  await dialog.getByRole("button", { name: "保存到此处" }).click();
  await expect.poll(() => page.title()).toContain(`${name}.nianbao`);
  return Report.parse(JSON.parse(readFileSync(join(docs, `${name}.nianbao`), "utf8")));
}
