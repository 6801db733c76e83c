import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { artifacts, settledChecks, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";

/*
 * The three tables of the 政府信息公开工作年度报告 (issue 18) as a clerk fills them: a new report
 * from the start page, table 三 typed with the keyboard alone, a block pasted from a spreadsheet,
 * a broken 勾稽 rule marked on its cells and selected from 检查, and the numbers kept across
 * saving and reopening.
 */

const T2 = "表二 主动公开政府信息情况";
const T3 = "表三 收到和处理政府信息公开申请情况";
const T4 = "表四 政府信息公开行政复议、行政诉讼情况";
type Applicant = "自然人" | "商业企业" | "科研机构" | "社会公益组织" | "法律服务机构" | "其他" | "总计";
const NEW = "一、本年新收政府信息公开申请数量";
const CARRY_IN = "二、上年结转政府信息公开申请数量";
const RESULTS = "三、本年度办理结果";
const CARRY_OUT = "四、结转下年度继续办理";

/** The column header part of a 表三 cell's name. */
const column = (name: Applicant) => (name === "自然人" || name === "总计" ? `申请人情况 ${name}` : `申请人情况 法人或其他组织 ${name}`);

/** A number cell of a table, by the name a screen reader gives it (row labels, then column headers). */
const cellOf = (page: Page, table: string, name: string): Locator =>
  page.getByRole("table", { name: table }).getByRole("textbox", { name, exact: true });

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);

/** What the clerk keys in, row by row of 表三 (25 rows of six applicant columns; the totals are computed). */
const T3_ROWS: readonly (readonly number[])[] = [
  [5, 1, 0, 0, 1, 0], // 一、新收
  [1, 0, 0, 0, 0, 0], // 二、上年结转
  [3, 1, 0, 0, 1, 0], // （一）予以公开
  [1, 0, 0, 0, 0, 0], // （二）部分公开
  ...Array.from({ length: 19 }, () => [0, 0, 0, 0, 0, 0]), // （三）至（六）
  // （七）总计 is computed: Tab passes over it.
  [2, 0, 0, 0, 0, 0], // 四、结转下年度
];

async function pasteInto(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.focus();
  await page.evaluate((plain) => {
    const data = new DataTransfer();
    data.setData("text/plain", plain);
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe("the 信息公开 tables in the app", () => {
  let session: E2eBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startE2eBrowser();
    page = await session.newPage();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("creates a 信息公开 report from the start page with its three tables, labels and merged cells as in the format", async () => {
    await page.goto(session.serve.url);
    const form = page.getByRole("form", { name: "新建报告" });
    await form.getByLabel("模板").selectOption({ label: "政府信息公开工作年度报告" });
    await form.getByLabel("发文机关").fill("木渎镇人民政府");
    await form.getByLabel("报告年度").fill("2024");
    await form.getByRole("button", { name: "新建报告" }).click();
    await page.locator(".report-body").waitFor();
    await expect.poll(() => page.getByRole("table").count()).toBe(3);

    const t3 = page.getByRole("table", { name: T3 });
    await expect(t3.locator("thead tr").count()).resolves.toBe(3);
    await expect(t3.getByRole("columnheader").allTextContents()).resolves.toEqual([
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "申请人情况",
      "自然人",
      "法人或其他组织",
      "总计",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
    const merged = (name: string) =>
      t3.getByRole("rowheader", { name, exact: true }).evaluate((th: HTMLTableCellElement) => [th.rowSpan, th.colSpan]);
    await expect(merged(RESULTS)).resolves.toEqual([22, 1]);
    await expect(merged("（三）不予公开")).resolves.toEqual([8, 1]);
    await expect(merged(NEW)).resolves.toEqual([1, 3]);
    await expect(t3.getByRole("columnheader", { name: "法人或其他组织" }).evaluate((th: HTMLTableCellElement) => th.colSpan)).resolves.toBe(
      5,
    );
    // 6 applicant columns and a total in each of 25 rows, the computed ones read-only.
    await expect(t3.getByRole("textbox").count()).resolves.toBe(175);
    await expect(t3.locator("input[readonly]").count()).resolves.toBe(25 + 6);
    await expect(page.getByRole("table", { name: T2 }).getByRole("rowheader").allTextContents()).resolves.toEqual([
      "规章",
      "行政规范性文件",
      "行政许可",
      "行政处罚",
      "行政强制",
      "行政事业性收费",
    ]);
    await expect(page.getByRole("table", { name: T4 }).getByRole("textbox").count()).resolves.toBe(15);
    await page.screenshot({ path: join(artifacts, "xxgk-new-report.png") });
  });

  it("fills table 三 with the keyboard alone: into the table from its heading, Tab across, totals computed as the clerk types", async () => {
    // The caret at the end of part 三's heading; the down arrow goes into the table's first cell.
    const heading = page.locator(".report-body section[data-part='requests'] > h1");
    await heading.click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => focusedName(page)).toBe(`${NEW} ${column("自然人")}`);

    for (const row of T3_ROWS)
      for (const value of row) {
        await page.keyboard.type(String(value));
        await page.keyboard.press("Tab");
      }
    // Past the last cell Tab leaves the table, on to the next one: the keyboard is never trapped.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("table")?.getAttribute("aria-label"))).toBe(T4);

    await expect(cellOf(page, T3, `${NEW} ${column("总计")}`).inputValue()).resolves.toBe("7");
    await expect(cellOf(page, T3, `${RESULTS} （七）总计 ${column("自然人")}`).inputValue()).resolves.toBe("4");
    await expect(cellOf(page, T3, `${RESULTS} （七）总计 ${column("总计")}`).inputValue()).resolves.toBe("6");
    await expect(cellOf(page, T3, `${CARRY_OUT} ${column("总计")}`).inputValue()).resolves.toBe("2");
    // 一 + 二 = 三（七）+ 四 in every column: no R1 finding.
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const checks = await settledChecks(page);
    await expect(checks.getByRole("button", { name: /^R1 / }).count()).resolves.toBe(0);

    // Arrows move, Enter goes down, typing replaces, Esc takes back what was typed.
    const natural = cellOf(page, T3, `${NEW} ${column("自然人")}`);
    await natural.click();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => focusedName(page)).toBe(`${NEW} ${column("商业企业")}`);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.type("9");
    await page.keyboard.press("Escape");
    await expect(natural.inputValue()).resolves.toBe("5");
    await expect.poll(() => focusedName(page)).toBe(`${NEW} ${column("自然人")}`);
    await page.keyboard.type("6");
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedName(page)).toBe(`${CARRY_IN} ${column("自然人")}`);
    await expect(natural.inputValue()).resolves.toBe("6");
    await expect(cellOf(page, T3, `${NEW} ${column("总计")}`).inputValue()).resolves.toBe("8");
    // Enter passes over the computed （七）总计 row when filling a column.
    await cellOf(page, T3, `${RESULTS} （六）其他处理 3.其他 ${column("自然人")}`).click();
    await page.keyboard.press("Enter");
    await expect.poll(() => focusedName(page)).toBe(`${CARRY_OUT} ${column("自然人")}`);

    // A total is read-only: typing there is refused with the reason.
    await cellOf(page, T3, `${NEW} ${column("总计")}`).click();
    await page.keyboard.type("3");
    await expect(page.getByRole("status").filter({ hasText: "是合计，由各项数字自动计算" }).count()).resolves.toBe(1);
    await expect(cellOf(page, T3, `${NEW} ${column("总计")}`).inputValue()).resolves.toBe("8");

    // A value the rules of input refuse stays in the cell, marked, with the reason; nothing is stored.
    const fee = cellOf(page, T2, "行政事业性收费 第二十条第（八）项 本年收费金额（单位：万元）");
    await fee.click();
    await page.keyboard.type("1.234");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "最多保留 2 位小数" }).count()).resolves.toBe(1);
    await expect.poll(() => focusedName(page)).toBe("行政事业性收费 第二十条第（八）项 本年收费金额（单位：万元）");
    await expect(fee.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.keyboard.press("Escape");
    await expect(fee.inputValue()).resolves.toBe("");
    await page.keyboard.type("1.5");
    await page.keyboard.press("Enter");
    await expect(fee.inputValue()).resolves.toBe("1.5");
  });

  it("pastes a 3×7 block copied from a spreadsheet from the focused cell, and refuses a block that breaks the rules of input whole", async () => {
    const t3Values = () =>
      page
        .getByRole("table", { name: T3 })
        .locator("input")
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const before = await t3Values();
    // Refused: a negative count in the middle of the block; nothing of it is pasted.
    await pasteInto(page, cellOf(page, T3, `${NEW} ${column("自然人")}`), "9\t9\t9\t9\t9\t9\t54\n1\t-1\t0\t0\t0\t0\t0\n");
    await expect(page.getByRole("alert").filter({ hasText: "粘贴未进行，表格未改动" }).textContent()).resolves.toContain(
      "商业企业：数量不能为负数",
    );
    await expect(t3Values()).resolves.toEqual(before);

    // Three rows of six applicant columns and the 总计 column, as copied from Excel (CRLF, a final line break).
    await pasteInto(
      page,
      cellOf(page, T3, `${NEW} ${column("自然人")}`),
      "8\t1\t0\t0\t1\t0\t10\r\n1\t0\t0\t0\t0\t0\t1\r\n3\t1\t0\t0\t1\t0\t5\r\n",
    );
    await expect(page.getByRole("status").filter({ hasText: "已粘贴 18 个单元格" }).count()).resolves.toBe(1);
    await expect(cellOf(page, T3, `${NEW} ${column("自然人")}`).inputValue()).resolves.toBe("8");
    await expect(cellOf(page, T3, `${NEW} ${column("法律服务机构")}`).inputValue()).resolves.toBe("1");
    await expect(cellOf(page, T3, `${NEW} ${column("总计")}`).inputValue()).resolves.toBe("10");
    await expect(cellOf(page, T3, `${RESULTS} （一）予以公开 ${column("总计")}`).inputValue()).resolves.toBe("5");
    // The block is one step of 撤销 (Ctrl+Z in the cell, as in the text) and of 重做.
    const afterPaste = await t3Values();
    await page.keyboard.press("Control+z");
    await expect.poll(() => t3Values()).toEqual(before);
    await page.keyboard.press("Control+y");
    await expect.poll(() => t3Values()).toEqual(afterPaste);
    await page.screenshot({ path: join(artifacts, "xxgk-table-pasted.png") });
  });

  it("marks the cells of a broken 勾稽 rule, selects them from 检查, and clears the marks once the numbers agree", async () => {
    // 自然人: 一 8 + 二 1 = 9, but 三（七）4 + 四 2 = 6.
    const newNatural = cellOf(page, T3, `${NEW} ${column("自然人")}`);
    const marked = page.getByRole("table", { name: T3 }).locator("td.is-error");
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    await expect(newNatural.getAttribute("aria-invalid")).resolves.toBe("true");
    const tooltip = await newNatural.locator("xpath=..").getAttribute("title");
    expect(tooltip).toContain("R1 表三“自然人”列：第一项加第二项之和，应等于第三项加第四项之和");

    const checks = await settledChecks(page);
    const finding = checks.getByRole("button", { name: /^R1 表三“自然人”列/ });
    await expect(finding.textContent()).resolves.toContain("相差");
    await page.locator(".page-scroll").evaluate((el) => el.scrollTo(0, 0));
    await finding.click();
    await expect.poll(() => focusedName(page)).toBe(`${NEW} ${column("自然人")}`);
    const selected = page.getByRole("table", { name: T3 }).locator("td.is-selected input");
    // The cell takes the keyboard as the selection is set; the marks are drawn with the next render.
    await expect
      .poll(() => selected.evaluateAll((inputs) => inputs.map((i) => i.getAttribute("aria-label"))))
      .toEqual([
        `${NEW} ${column("自然人")}`,
        `${CARRY_IN} ${column("自然人")}`,
        `${RESULTS} （七）总计 ${column("自然人")}`,
        `${CARRY_OUT} ${column("自然人")}`,
      ]);
    await expect(newNatural.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(artifacts, "xxgk-rule-finding-selected.png") });

    // The clerk carries the difference over to next year: 四 becomes 5, and the rule holds.
    await cellOf(page, T3, `${CARRY_OUT} ${column("自然人")}`).click();
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await expect.poll(() => checks.getByRole("button", { name: /^R1 表三“自然人”列/ }).count()).toBe(0);
    await expect.poll(() => newNatural.getAttribute("aria-invalid")).toBeNull();
  });

  it("keeps every number across saving and reopening the report", async () => {
    // The clerk has checked table 三 against the register and confirms its numbers in one go.
    const t3Box = page.locator(".statutory-table", { has: page.getByRole("table", { name: T3 }) });
    await expect(t3Box.textContent()).resolves.toContain("格未确认");
    await t3Box.getByRole("button", { name: "确认本表数字" }).click();
    await expect.poll(() => t3Box.getByRole("button", { name: "确认本表数字" }).count()).toBe(0);
    await expect(
      page.getByRole("status").filter({ hasText: "已确认表三 收到和处理政府信息公开申请情况的 144 个数字" }).count(),
    ).resolves.toBe(1);

    await page.getByRole("button", { name: "保存", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "保存报告" });
    await dialog.getByLabel("文件名").fill("木渎2024信息公开");
    await dialog.getByRole("button", { name: "保存到此处" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "已保存" }).count()).toBeGreaterThan(0);

    const saved = Report.parse(JSON.parse(readFileSync(join(session.docs, "木渎2024信息公开.nianbao"), "utf8")));
    expect(saved.fields["t3.new.natural"]?.value).toBe("8");
    expect(saved.fields["t3.new.total"]?.value).toBe("10");
    expect(saved.fields["t3.carry_out.natural"]?.value).toBe("5");
    expect(saved.fields["t2.fee.amount_wan"]?.value).toBe("1.5");
    expect(saved.fields["t3.new.natural"]?.status).toBe("confirmed");
    // A total is confirmed with its inputs, never by itself.
    expect(saved.fields["t3.result_total.total"]?.status).toBe("confirmed");
    expect(saved.fields["t2.fee.amount_wan"]?.status).toBe("unconfirmed");

    const reopened = await session.newPage();
    await reopened.goto(session.serve.url);
    await reopened.getByRole("button", { name: /木渎镇人民政府2024年政府信息公开工作年度报告/ }).click();
    await reopened.getByRole("table", { name: T3 }).waitFor();
    await expect(cellOf(reopened, T3, `${NEW} ${column("自然人")}`).inputValue()).resolves.toBe("8");
    await expect(cellOf(reopened, T3, `${NEW} ${column("总计")}`).inputValue()).resolves.toBe("10");
    await expect(cellOf(reopened, T3, `${CARRY_OUT} ${column("自然人")}`).inputValue()).resolves.toBe("5");
    await expect(cellOf(reopened, T2, "行政事业性收费 第二十条第（八）项 本年收费金额（单位：万元）").inputValue()).resolves.toBe("1.5");
    await reopened.getByRole("table", { name: T3 }).scrollIntoViewIfNeeded();
    await reopened.screenshot({ path: join(artifacts, "xxgk-reopened.png") });
    expect(session.pageErrors).toEqual([]);
  });
});
