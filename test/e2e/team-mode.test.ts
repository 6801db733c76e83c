import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTeamServer, type TeamServer } from "../../host/team/start-team-server";
import { artifacts, startE2eBrowser, type E2eBrowser } from "../support/e2e-browser";
import { addMember, teamFolder } from "../support/team";

/*
 * Team mode in the app, as two colleagues meet it: the 司法所 drafter (拟稿人) and a department
 * given one subsection both open the report on the unit's team server from the start page, see
 * each other, see each other's typing, the department's change outside its subsection is taken
 * back with a message, and the drafter keeps typing while the server is down.
 */
describe("team mode in the app: two members on one report", () => {
  let session: E2eBrowser;
  let server: TeamServer;
  let folder: ReturnType<typeof teamFolder>;
  let drafter: Page;
  let department: Page;
  let port = 0;
  let drafterToken = "";
  const start = async () => {
    server = await startTeamServer({ dir: folder.dir, port, now: () => new Date().toISOString(), log: () => undefined, saveDelay: 200 });
    port = server.port;
  };

  const enter = async (page: Page, token: string) => {
    await page.goto(session.serve.url);
    const card = page.getByRole("form", { name: "团队协作" });
    await card.getByLabel("服务器地址").fill(server.url);
    await card.getByLabel("报告").fill(folder.name);
    await card.getByLabel("口令").fill(token);
    await card.getByRole("button", { name: "连接" }).click();
    await page.getByRole("status", { name: "团队协作" }).getByText("团队：已同步").waitFor();
  };

  // Paragraphs by their text without other members' carets (whose name labels sit inside the text).
  const clean = (page: Page, text: string) =>
    page.evaluate(
      (t) =>
        [...document.querySelectorAll(".report-body p")]
          .map((p, index) => {
            const copy = p.cloneNode(true) as HTMLElement;
            copy.querySelectorAll(".ProseMirror-yjs-cursor").forEach((c) => c.remove());
            return { index, text: copy.textContent ?? "", className: p.className };
          })
          .find((p) => p.text.includes(t)) ?? { index: -1, text: "", className: "" },
      text,
    );
  const textOf = async (page: Page, text: string) => (await clean(page, text)).text;
  const classOf = async (page: Page, text: string) => (await clean(page, text)).className;
  const clickInto = async (page: Page, text: string) => {
    const { index } = await clean(page, text);
    await page
      .locator(".report-body p")
      .nth(index)
      .click({ position: { x: 4, y: 4 } });
  };

  beforeAll(async () => {
    folder = teamFolder(mkdtempSync(join(tmpdir(), "nianbao-e2e-team-")));
    drafterToken = addMember(folder.dir, "王小明", "拟稿人");
    const departmentToken = addMember(folder.dir, "司法所", "部门", ["--parts", "measures.2"]);
    await start();
    session = await startE2eBrowser();
    drafter = await session.newPage();
    department = await session.newPage();
    await enter(drafter, drafterToken);
    await enter(department, departmentToken);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it("tells a member plainly when the token is wrong or the server cannot be reached", async () => {
    const page = await session.newPage();
    await page.goto(session.serve.url);
    const card = page.getByRole("form", { name: "团队协作" });
    await card.getByLabel("服务器地址").fill(server.url);
    await card.getByLabel("报告").fill(folder.name);
    await card.getByLabel("口令").fill("not-a-token");
    await card.getByRole("button", { name: "连接" }).click();
    await expect.poll(() => card.getByRole("alert").textContent()).toContain("团队服务器拒绝了连接：口令无效或已撤销");
    await card.getByLabel("服务器地址").fill("http://127.0.0.1:1");
    await card.getByRole("button", { name: "连接" }).click();
    await expect.poll(() => card.getByRole("alert").textContent()).toContain("服务器地址应以 ws:// 或 wss:// 开头");
    await page.close();
  });

  it("shows who else is in the report and each member's typing on the other's screen, with their caret", async () => {
    await expect.poll(() => drafter.getByRole("status", { name: "团队协作" }).textContent()).toContain("司法所（部门）");
    await expect.poll(() => department.getByRole("status", { name: "团队协作" }).textContent()).toContain("王小明（拟稿人）");

    await clickInto(department, "有效发挥镇党委、政府法律顾问作用");
    await department.keyboard.type("司法所补充：");
    await expect.poll(() => textOf(drafter, "有效发挥镇党委")).toContain("司法所补充：");
    await expect.poll(() => drafter.locator(".ProseMirror-yjs-cursor").first().textContent()).toContain("司法所");

    await clickInto(drafter, "统筹安全与发展");
    await drafter.keyboard.type("本年度，");
    await expect.poll(() => textOf(department, "统筹安全与发展")).toContain("本年度，");
    await drafter.screenshot({ path: join(artifacts, "team-mode.png") });
  });

  it("takes back a department's change outside its subsection, with a message, and the drafter never sees it", async () => {
    await clickInto(department, "木渎镇高度重视法治建设工作");
    await department.keyboard.type("越权修改");
    await expect.poll(() => department.getByRole("alert").textContent()).toContain("只能修改分配给本部门的部分");
    await expect.poll(() => textOf(department, "高度重视法治建设工作")).not.toContain("越权修改");
    expect(await drafter.locator(".report-body").textContent()).not.toContain("越权");
  });

  it("fills a number on one screen and shows it on the other; undo takes back only the member's own change", async () => {
    const shown = (page: Page) => page.locator(".report-body [data-field-id='f2']").first().textContent();
    const before = await shown(department);
    await drafter.locator(".report-body [data-field-id='f2']").first().click();
    const popover = drafter.getByRole("dialog", { name: "编辑字段" });
    await popover.getByLabel("数值").fill("412345");
    await popover.getByRole("button", { name: "确认数值" }).click();
    await expect.poll(() => shown(drafter)).not.toBe(before);
    await expect.poll(() => shown(department)).toBe(await shown(drafter));

    await drafter.getByRole("button", { name: "报告信息" }).click();
    await drafter.getByRole("dialog", { name: "报告信息" }).getByLabel("发文字号").fill("木政发〔2025〕3号");
    await drafter.getByRole("dialog", { name: "报告信息" }).getByRole("button", { name: "确定" }).click();
    await department.getByRole("button", { name: "报告信息" }).click();
    const info = department.getByRole("dialog", { name: "报告信息" });
    await expect.poll(() => info.getByLabel("发文字号").inputValue()).toBe("木政发〔2025〕3号");
    await info.getByRole("button", { name: "取消" }).click();
    expect(await drafter.getByRole("alert").count()).toBe(0);

    await clickInto(department, "有效发挥镇党委");
    await department.keyboard.type("部门再补充。");
    await clickInto(drafter, "全面推进政务公开");
    await drafter.keyboard.type("拟稿人写的。");
    await expect.poll(() => textOf(department, "全面推进政务公开")).toContain("拟稿人写的。");
    await drafter.keyboard.press("Control+z");
    await expect.poll(() => textOf(department, "全面推进政务公开")).not.toContain("拟稿人写的。");
    expect(await textOf(drafter, "有效发挥镇党委")).toContain("部门再补充。");
    // Further back: the 发文字号 and the number (one undo stack for text, report info and numbers).
    await drafter.keyboard.press("Control+z");
    await drafter.keyboard.press("Control+z");
    await expect.poll(() => shown(department)).toBe(before);
    expect(await textOf(drafter, "有效发挥镇党委")).toContain("部门再补充。");
  });

  it("sends the drafter's 提交审核 to the server, which records it as the token's member", async () => {
    await drafter.getByRole("button", { name: "签发", exact: true }).click();
    const panel = drafter.getByRole("region", { name: "签发" });
    await expect.poll(() => panel.textContent()).toContain("办理人：王小明（拟稿人，由团队口令确定）");
    await panel.getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => panel.textContent()).toContain("当前状态：审核中");
    await department.getByRole("button", { name: "签发", exact: true }).click();
    await expect.poll(() => department.getByRole("region", { name: "签发" }).textContent()).toContain("王小明（拟稿人） · 提交审核");
    await drafter.getByRole("button", { name: "大纲", exact: true }).click();
    await department.getByRole("button", { name: "大纲", exact: true }).click();
  });

  it("keeps the drafter typing while the team server is down and merges on its return", async () => {
    await server.close();
    const bar = drafter.getByRole("status", { name: "团队协作" });
    await expect.poll(() => bar.textContent()).toContain("离线");
    await clickInto(drafter, "积极推进行政执法");
    await drafter.keyboard.type("离线写的。");
    await expect.poll(() => bar.textContent()).toContain("待同步");
    await drafter.screenshot({ path: join(artifacts, "team-mode-offline.png") });
    await start();
    await expect.poll(() => bar.textContent(), { timeout: 20_000 }).toContain("团队：已同步");
    await expect.poll(() => textOf(department, "积极推进行政执法"), { timeout: 20_000 }).toContain("离线写的。");
  });

  it("marks, at the next opening, the paragraphs others changed meanwhile, until 已阅", async () => {
    await drafter.reload();
    await clickInto(department, "有效发挥镇党委");
    await department.keyboard.type("趁拟稿人不在时补充。");
    await department.getByRole("status", { name: "团队协作" }).getByText("团队：已同步").waitFor();
    await enter(drafter, drafterToken);
    const bar = drafter.getByRole("status", { name: "团队协作" });
    await expect.poll(() => bar.textContent()).toContain("自上次打开以来，司法所修改了");
    await expect.poll(() => classOf(drafter, "趁拟稿人不在时补充")).toContain("team-changed");
    await drafter.screenshot({ path: join(artifacts, "team-mode-changes.png") });
    await bar.getByRole("button", { name: "已阅" }).click();
    await expect.poll(() => classOf(drafter, "趁拟稿人不在时补充")).not.toContain("team-changed");
    expect(session.pageErrors).toEqual([]);
  });
});
