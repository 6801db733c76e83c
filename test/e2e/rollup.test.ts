import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifacts, type E2eBrowser, startWithImportedFixture } from "../support/e2e-browser";
import { FIXTURE_MARKDOWN } from "../support/report-from-markdown";
import { runCli } from "../support/run-cli";

/*
 * 汇总各乡镇 in the app, as a county clerk does it: the county's report open and saved, the towns'
 * reports (made from the published fixture with their own numbers) chosen in the dialog, a report of
 * the wrong year refused with its reason, the sums looked at, one row unticked, the rest filled in.
 */

const REPORT = "吴中区2024.nianbao";

describe("汇总各乡镇 in the app: the towns' reports summed into the county report", () => {
  let session: E2eBrowser;
  let page: Page;
  let towns: string;

  const cli = (args: string[]) => {
    const r = runCli(args, { cwd: towns });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  };

  beforeAll(async () => {
    towns = mkdtempSync(join(tmpdir(), "nianbao-e2e-towns-"));
    for (const [file, org] of [
      ["木渎镇.nianbao", "木渎镇人民政府"],
      ["胥口镇.nianbao", "胥口镇人民政府"],
      ["光福镇.nianbao", "光福镇人民政府"],
    ] as const) {
      cli(["import", FIXTURE_MARKDOWN, "--roll-forward", "--org", org, "-o", file]);
    }
    cli(["fields", "木渎镇.nianbao", "--set", "f2=380000", "--set", "f16=600", "--set", "f19=95.5", "--confirm", "f2", "--confirm", "f16"]);
    cli(["fields", "胥口镇.nianbao", "--set", "f2=12000", "--set", "f16=20", "--set", "f19=96"]);
    cli(["fields", "光福镇.nianbao", "--set", "f2=9000", "--set", "f19=97.25", "--confirm", "f2"]);
    cli(["import", FIXTURE_MARKDOWN, "--org", "藏书镇人民政府", "-o", "藏书镇2023.nianbao"]);

    ({ session, page } = await startWithImportedFixture());
    await page.getByRole("button", { name: "保存", exact: true }).click();
    const save = page.getByRole("dialog", { name: "保存报告" });
    await save.getByLabel("文件名").fill("吴中区2024");
    await save.getByRole("button", { name: "保存到此处" }).click();
    await page.waitForFunction((name) => document.title.includes(name), REPORT);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("refuses a town report of another year with its reason, then sums the three towns and names who has not confirmed", async () => {
    await page.getByRole("button", { name: "数据征集", exact: true }).click();
    await page.getByRole("dialog", { name: "数据征集" }).getByRole("button", { name: "汇总各乡镇报告…" }).click();
    const dialog = page.getByRole("dialog", { name: "汇总各乡镇" });
    await dialog.waitFor();

    await dialog.getByLabel("选择乡镇报告").setInputFiles(join(towns, "藏书镇2023.nianbao"));
    const alert = dialog.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("藏书镇2023.nianbao：是 2023 年度的报告，汇总的是 2024 年度");
    await expect(alert.textContent()).resolves.toContain("汇总报告未改动");
    await expect(dialog.getByRole("region", { name: "汇总结果" }).count()).resolves.toBe(0);
    await dialog.getByRole("button", { name: "移除 藏书镇2023.nianbao" }).click();

    await dialog
      .getByLabel("选择乡镇报告")
      .setInputFiles(["木渎镇.nianbao", "胥口镇.nianbao", "光福镇.nianbao"].map((f) => join(towns, f)));
    const rows = dialog.getByRole("region", { name: "汇总结果" });
    await rows.waitFor();
    await expect(dialog.getByRole("alert").count()).resolves.toBe(0);
    const townRows = dialog.getByRole("region", { name: "各乡镇报告" }).locator("tbody tr");
    await expect(townRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-town")))).resolves.toEqual([
      "木渎镇人民政府",
      "胥口镇人民政府",
      "光福镇人民政府",
    ]);
    const approvals = rows.locator("tr[data-field='f2']");
    const approvalsText = await approvals.innerText();
    expect(approvalsText).toContain("合计 超401,000件");
    expect(approvalsText).toContain("木渎镇 超380,000件");
    expect(approvalsText).toContain("乡镇未确认：胥口镇");
    await expect(rows.locator("tr[data-field='f16']").innerText()).resolves.toContain("未填报：光福镇");
    await expect(rows.locator("tr[data-field='f19']").innerText()).resolves.toContain("平均 96.25%");
    await page.screenshot({ path: join(artifacts, "rollup-dialog.png") });

    // The clerk keeps the average rate out: a county's 结案率 is not the towns' mean.
    await dialog.getByLabel("填入 结案率").uncheck();
    await dialog.getByRole("button", { name: "填入选中的 2 个数字" }).click();
    const done = dialog.getByRole("status", { name: "汇总已填入" });
    await expect.poll(() => done.textContent()).toContain("已填入 2 个数字");
    await page.screenshot({ path: join(artifacts, "rollup-applied.png") });

    await done.getByRole("button", { name: "到“字段”表核对" }).click();
    const panel = page.getByRole("region", { name: "字段" });
    await expect.poll(() => panel.getByLabel("受理各类审批服务事项 本年数值", { exact: true }).inputValue()).toBe("401000");
    await expect(panel.getByLabel("受理信访件 本年数值").inputValue()).resolves.toBe("620");
    await expect(panel.getByLabel("结案率 本年数值", { exact: true }).inputValue()).resolves.toBe("");
    const row = panel.locator("tr[data-field-id='f2']");
    await expect(row.getAttribute("class")).resolves.toContain("is-unconfirmed");
    await expect(row.getByLabel("受理各类审批服务事项 填报情况").textContent()).resolves.toBe("来源：汇总 3 个乡镇");
    const saved = JSON.parse(readFileSync(join(session.docs, REPORT), "utf8")) as {
      fields: Record<string, { value: string | null; status: string; provenance?: { department: string }[] }>;
    };
    expect(saved.fields["f2"]).toMatchObject({ value: "401000", status: "unconfirmed" });
    expect(saved.fields["f2"]?.provenance?.map((p) => p.department)).toEqual(["木渎镇人民政府", "胥口镇人民政府", "光福镇人民政府"]);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, "rollup-fields.png") });
    expect(session.pageErrors).toEqual([]);
  });
});
