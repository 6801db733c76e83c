import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Report } from "../../core/model/report";
import { artifacts, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";

const SAVED = "本年度，镇政府修订完善重大行政决策程序规定";
const TYPED_AFTER_SAVE = "，全年听取法律顾问意见二十三次，合法性审查率达到百分之百。";

describe("browser mode: the host is killed while the clerk types", () => {
  const sessions: E2eBrowser[] = [];
  afterAll(async () => {
    for (const session of sessions) await session.close();
  });

  it("brings back text typed two seconds before a SIGKILL of `nianbao serve`", async () => {
    const first = await startE2eBrowser();
    sessions.push(first);
    const page = await first.newPage();
    await page.goto(first.serve.url);
    await page.getByLabel("发文机关").fill("木渎镇人民政府");
    await page.getByLabel("报告年度").fill("2024");
    await page.getByRole("button", { name: "新建报告" }).click();
    const paragraph = page.locator(".report-body section[data-part='duty'] p").first();
    await paragraph.click();
    await page.keyboard.type(SAVED);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "保存报告" });
    await dialog.getByLabel("文件名").fill("木渎2024");
    await dialog.getByRole("button", { name: "保存到此处" }).click();
    await expect.poll(() => page.title()).toBe("2024年度木渎镇人民政府法治政府建设工作报告 — 木渎2024.nianbao — 年报");

    await paragraph.click();
    await page.keyboard.press("End");
    await page.keyboard.type(TYPED_AFTER_SAVE);
    await expect(paragraph.textContent()).resolves.toBe(SAVED + TYPED_AFTER_SAVE);
    await page.waitForTimeout(2_000);
    await first.serve.kill();
    await first.close();

    const second = await startE2eBrowser({ docs: first.docs, state: first.state });
    sessions.push(second);
    const reopened = await second.newPage();
    await reopened.goto(second.serve.url);
    const offer = reopened.getByRole("region", { name: "恢复未保存的内容" });
    await expect.poll(() => offer.getByText("2024年度木渎镇人民政府法治政府建设工作报告", { exact: false }).count()).toBe(1);
    await reopened.screenshot({ path: join(artifacts, "crash-recovery-offer.png") });
    await offer.getByRole("button", { name: "恢复" }).click();
    const restored = reopened.locator(".report-body section[data-part='duty'] p").first();
    await expect.poll(() => restored.textContent()).toBe(SAVED + TYPED_AFTER_SAVE);
    // The copy remembers its file: saving puts the rescued text into the report the clerk saved.
    await expect.poll(() => reopened.title()).toBe("● 2024年度木渎镇人民政府法治政府建设工作报告 — 木渎2024.nianbao — 年报");
    const onDiskBefore = JSON.stringify(Report.parse(JSON.parse(readFileSync(join(first.docs, "木渎2024.nianbao"), "utf8"))).body);
    expect(onDiskBefore).not.toContain(TYPED_AFTER_SAVE);
    await reopened.keyboard.press("Control+s");
    await expect.poll(() => reopened.title()).toBe("2024年度木渎镇人民政府法治政府建设工作报告 — 木渎2024.nianbao — 年报");
    const onDisk = JSON.stringify(Report.parse(JSON.parse(readFileSync(join(first.docs, "木渎2024.nianbao"), "utf8"))).body);
    expect(onDisk).toContain(TYPED_AFTER_SAVE);
    expect([...first.pageErrors, ...second.pageErrors]).toEqual([]);
  });
});
