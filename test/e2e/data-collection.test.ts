import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";
import { fillWorkbook } from "../host/collect/support/collect-files";

/*
 * 数据征集 in the app, as a clerk does it: last year's report rolled forward and saved, 来源部门
 * assigned in the 字段 table, one workbook per department written from the 数据征集 dialog, one
 * filled by openpyxl (not our library, writing only the input cells) and dropped on the window,
 * and a workbook edited outside its input cells refused with its reason.
 */

const FOLDER = "2024年度数据征集";
const REPORT = "木渎2024.nianbao";

/** Drops files on the page as a file manager would: a DataTransfer of Files, dragged over and dropped. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: p.replace(/^.*\//, ""), base64: readFileSync(p).toString("base64") }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    }
    const target = document.querySelector(".page") ?? document.body;
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

describe("数据征集 in the app: departments in the 字段 table, workbooks out, answers dropped back in", () => {
  let session: E2eBrowser;
  let page: Page;
  let scratch: string;
  const reportFile = () => join(session.docs, REPORT);
  const requestOf = (department: string) => join(session.docs, FOLDER, `2024年度数据征集-${department}.xlsx`);

  beforeAll(async () => {
    ({ session, page } = await startWithImportedFixture());
    scratch = mkdtempSync(join(tmpdir(), "nianbao-e2e-collect-"));
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const save = page.getByRole("dialog", { name: "保存报告" });
    await save.getByLabel("文件名").fill("木渎2024");
    await save.getByRole("button", { name: "保存到此处" }).click();
    await page.waitForFunction((name) => document.title.includes(name), REPORT);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("assigns 来源部门 in the 字段 table, with the template's offices suggested, for one row and for several at once", async () => {
    await page.getByRole("button", { name: "字段", exact: true }).click();
    const panel = page.getByRole("region", { name: "字段" });
    await panel.getByRole("button", { name: "加宽" }).click();
    await expect(panel.locator("thead th").allTextContents()).resolves.toContain("来源部门");

    const petitions = panel.getByLabel("受理信访件 来源部门");
    await petitions.click();
    // The template's catalogue names 信访办 for 受理信访件.
    await expect
      .poll(() => panel.locator("#departments-f16 option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(["信访办"]);
    await page.keyboard.type("信访办");
    await page.keyboard.press("Enter");
    // Enter moved down to the next row's 来源部门; the department just used is offered there too.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("化解信访积案 来源部门");
    await expect
      .poll(() => panel.locator("#departments-f17 option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toContain("信访办");
    await page.keyboard.type("信访办");
    await page.keyboard.press("Enter");

    // Two rows at once, as one step.
    await panel.getByLabel("选择 联动中心平台共接单").check();
    await panel.getByLabel("选择 结案率", { exact: true }).check();
    const bulk = panel.getByRole("form", { name: "为选中的字段指定来源部门" });
    await expect(bulk.textContent()).resolves.toContain("选中 2 个字段");
    await bulk.getByLabel("选中字段的来源部门").fill("综治中心");
    await bulk.getByRole("button", { name: "指定来源部门" }).click();
    await expect(panel.getByLabel("联动中心平台共接单 来源部门").inputValue()).resolves.toBe("综治中心");
    await expect(panel.getByLabel("结案率 来源部门").inputValue()).resolves.toBe("综治中心");
    await expect(panel.getByLabel("选择 结案率", { exact: true }).isChecked()).resolves.toBe(false);
    // One undo takes both back, one redo brings both again.
    await page.getByRole("button", { name: "撤销", exact: true }).click();
    await expect(panel.getByLabel("结案率 来源部门").inputValue()).resolves.toBe("");
    await expect(panel.getByLabel("联动中心平台共接单 来源部门").inputValue()).resolves.toBe("");
    await page.getByRole("button", { name: "重做", exact: true }).click();
    await expect(panel.getByLabel("联动中心平台共接单 来源部门").inputValue()).resolves.toBe("综治中心");

    await panel.getByLabel("调解各类纠纷 来源部门").fill("司法所");
    await panel.getByLabel("调解各类纠纷 来源部门").press("Enter");
    await page.screenshot({ path: join(artifacts, "collect-fields-sources.png") });
  });

  it("writes one workbook per department from the 数据征集 dialog into a folder the clerk picks, and says where", async () => {
    // Keyboard only: the toolbar's 数据征集 button.
    await page.getByRole("button", { name: "数据征集", exact: true }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "数据征集" });
    const board = dialog.getByRole("region", { name: "各部门征集情况" });
    await expect(
      board.locator("tbody tr").evaluateAll((rs) => rs.map((r) => (r as HTMLElement).innerText.split(/\s+/).join(" "))),
    ).resolves.toEqual(expect.arrayContaining(["信访办 2 0 2 0", "综治中心 2 0 2 0", "司法所 1 0 1 0"]));
    await expect(board.textContent()).resolves.toContain("另有 16 个字段未指定来源部门");
    const writer = dialog.getByRole("region", { name: "生成征集表" });
    await expect(writer.getByLabel("征集表文件夹").inputValue()).resolves.toBe(FOLDER);
    await expect(writer.textContent()).resolves.toContain(join(session.docs, FOLDER));
    await writer.getByRole("button", { name: /生成 3 份征集表/ }).click();
    const done = writer.getByRole("status", { name: "征集表已生成" });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain(requestOf("信访办"));
    for (const department of ["信访办", "综治中心", "司法所"]) expect(existsSync(requestOf(department))).toBe(true);
    await page.screenshot({ path: join(artifacts, "collect-dialog-written.png") });
  });

  it("reads a workbook filled by another program and dropped on the window: values unconfirmed, with who answered", async () => {
    const filled = join(scratch, "信访办-已填.xlsx");
    fillWorkbook(requestOf("信访办"), filled, { values: { f16: 612, f17: 11 }, respondent: "王芳", phone: "0512-66001234" });
    await page.getByRole("dialog", { name: "数据征集" }).getByRole("button", { name: "关闭" }).click();
    await dropFiles(page, [filled]);
    const dialog = page.getByRole("dialog", { name: "数据征集" });
    const reads = dialog.getByRole("status", { name: "读取结果" });
    await reads.waitFor();
    await expect(reads.textContent()).resolves.toContain("1 份已读入");
    await expect(reads.textContent()).resolves.toContain("信访办-已填.xlsx（信访办）：填报 2 项，空白 0 项");
    await expect(
      dialog.locator("tr[data-department='信访办']").evaluate((r) => (r as HTMLElement).innerText.split(/\s+/).join(" ")),
    ).resolves.toBe("信访办 2 2 0 0");
    await page.screenshot({ path: join(artifacts, "collect-dialog-read.png") });

    await reads.getByRole("button", { name: "到“字段”表核对" }).click();
    const panel = page.getByRole("region", { name: "字段" });
    await expect.poll(() => panel.getByLabel("受理信访件 本年数值").inputValue()).toBe("612");
    await expect(panel.getByLabel("化解信访积案 本年数值").inputValue()).resolves.toBe("11");
    const row = panel.locator("tr[data-field-id='f16']");
    await expect(row.getAttribute("class")).resolves.toContain("is-unconfirmed");
    await expect(row.getByRole("button", { name: "未确认" }).count()).resolves.toBe(1);
    const who = row.getByLabel("受理信访件 填报情况");
    await expect(who.textContent()).resolves.toBe("填报：信访办·王芳");
    await who.click();
    const detail = await row.locator(".fields-table__answers li").textContent();
    expect(detail).toContain("信访办 王芳（0512-66001234） 填报 612");
    expect(detail).toContain("文件 信访办-已填.xlsx");
    expect(detail).toMatch(/读入于 \d{4}-\d\d-\d\d \d\d:\d\d/);
    // The file on disk holds what the table shows.
    const saved = JSON.parse(readFileSync(reportFile(), "utf8")) as { fields: Record<string, { value: string | null; status: string }> };
    expect(saved.fields["f16"]).toMatchObject({ value: "612", status: "unconfirmed" });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "collect-fields-answered.png") });
  });

  it("refuses a workbook edited outside its input cells with its reason in Chinese, and leaves the report as it was", async () => {
    const edited = join(scratch, "综治中心-改过.xlsx");
    fillWorkbook(requestOf("综治中心"), edited, { values: { f18: 45000 }, cells: { B2: "平台接单" } });
    const before = readFileSync(reportFile());
    await page.getByRole("button", { name: "数据征集", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "数据征集" });
    await dialog.getByLabel("选择交回的征集表").setInputFiles(edited);
    const reads = dialog.getByRole("status", { name: "读取结果" });
    await expect.poll(() => reads.textContent()).toContain("综治中心-改过.xlsx");
    const text = await reads.textContent();
    expect(text).toContain("0 份已读入，1 份未读取");
    expect(text).toContain("“数据”表第 2 行第 B 列被改动（原为“联动中心平台共接单”，现为“平台接单”）");
    expect(text).toContain("报告未改动");
    expect(readFileSync(reportFile()).equals(before)).toBe(true);
    await expect(
      dialog.locator("tr[data-department='综治中心']").evaluate((r) => (r as HTMLElement).innerText.split(/\s+/).join(" ")),
    ).resolves.toBe("综治中心 2 0 2 0");
    await page.screenshot({ path: join(artifacts, "collect-dialog-refused.png") });
    await dialog.getByRole("button", { name: "关闭" }).click();
    await expect(page.getByRole("region", { name: "字段" }).getByLabel("联动中心平台共接单 本年数值").inputValue()).resolves.toBe("");
    expect(session.pageErrors).toEqual([]);
  });
});
