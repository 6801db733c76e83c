import { describe, expect, it } from "vitest";
import { isAppUrl, isTrustedSender } from "../../electron/main/ipc-guard";
import { menuTemplate } from "../../electron/main/menu-template";
import { reportPathFromArgv } from "../../electron/main/open-file-args";
import { commands } from "../../renderer/commands/command-table";
import type { MenuItemConstructorOptions } from "electron";

describe("the Electron shell's pure parts", () => {
  it("trusts only the app's own main frame", () => {
    expect(isTrustedSender({ url: "app://nianbao/index.html", parent: null })).toBe(true);
    expect(isTrustedSender({ url: "app://nianbao/index.html", parent: { url: "app://nianbao/" } })).toBe(false);
    expect(isTrustedSender({ url: "https://evil.example/", parent: null })).toBe(false);
    expect(isTrustedSender({ url: "app://nianbao.evil/index.html", parent: null })).toBe(false);
    expect(isTrustedSender({ url: "file:///etc/passwd", parent: null })).toBe(false);
    expect(isTrustedSender({ url: "not a url", parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it("blocks navigation away from the app", () => {
    expect(isAppUrl("app://nianbao/index.html#x")).toBe(true);
    expect(isAppUrl("https://example.com/")).toBe(false);
    expect(isAppUrl("javascript:alert(1)")).toBe(false);
  });

  it("finds the .nianbao the OS passed on the command line", () => {
    expect(reportPathFromArgv(["/opt/年报/nianbao", "--no-sandbox", "/home/u/报告/2024.nianbao"], "/")).toBe("/home/u/报告/2024.nianbao");
    expect(reportPathFromArgv(["nianbao.exe", "2024.NIANBAO"], "/home/u")).toBe("/home/u/2024.NIANBAO");
    expect(reportPathFromArgv(["nianbao", "."], "/")).toBeNull();
    expect(reportPathFromArgv(["nianbao"], "/")).toBeNull();
  });

  it("builds Chinese menus whose items send command ids the renderer knows", () => {
    const sent: string[] = [];
    const template = menuTemplate(
      { command: (id) => sent.push(id), openRecent: () => undefined, about: () => undefined, quit: () => undefined },
      [{ path: "/r/a.nianbao", title: "2023年度报告" }],
      false,
    );
    expect(template.map((m) => m.label)).toEqual(["文件", "编辑", "格式", "视图", "帮助"]);
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? (m.submenu as MenuItemConstructorOptions[]) : []));
    const byLabel = (label: string) => items.find((i) => i.label === label);
    expect(byLabel("保存")?.accelerator).toBe("CmdOrCtrl+S");
    expect(byLabel("打开…")?.accelerator).toBe("CmdOrCtrl+O");
    for (const item of items) (item.click as (() => void) | undefined)?.();
    const known = new Set(commands.map((c) => c.id));
    expect(sent.length).toBeGreaterThan(8);
    expect(sent.filter((id) => !known.has(id))).toEqual([]);
    const recent = byLabel("最近打开")?.submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label)).toEqual(["2023年度报告"]);
    expect(sent).toEqual(
      expect.arrayContaining([
        "file.newFromLastYear",
        "file.exportDocx",
        "file.exportPdf",
        "view.checks",
        "view.signoff",
        "format.body",
        "format.heading2",
      ]),
    );
  });
});
