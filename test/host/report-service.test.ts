import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeOf, rejectionOf } from "../support/error-code";
import { createTestHost } from "../support/report-host";

describe("the report service through the contract", () => {
  it("creates a report from the template, saves it, reopens it and lists it as recent", async () => {
    const { api, docs } = await createTestHost();
    const created = await api.newReport({ templateId: "fazhi-zhengfu-niandu-baogao", org: "木渎镇人民政府", year: 2024 });
    expect(created.path).toBeNull();
    expect(created.report.meta.title).toBe("2024年度木渎镇人民政府法治政府建设工作报告");
    expect(created.report.body.content.filter((n) => n.type === "part")).toHaveLength(4);

    const path = join(docs, "木渎2024.nianbao");
    const saved = await api.saveReport({ report: created.report, path });
    expect(saved.path).toBe(path);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ id: created.report.id, meta: { org: "木渎镇人民政府" } });

    const reopened = await api.openReport({ path });
    expect(reopened.report.body).toEqual(created.report.body);
    const recent = await api.listRecent({});
    expect(recent.map((r) => r.path)).toEqual([path]);
    expect(recent[0]?.title).toBe(created.report.meta.title);
    const listing = await api.listFolder({ path: docs });
    expect(listing).toEqual([{ name: "木渎2024.nianbao", path, kind: "report" }]);
  });

  it("issue 13: refuses to overwrite a file another program changed since it was opened, and keeps a 0600 file 0600", async () => {
    const { api, docs } = await createTestHost();
    const created = await api.newReport({ templateId: "fazhi-zhengfu-niandu-baogao", org: "木渎镇人民政府", year: 2024 });
    const path = join(docs, "木渎2024.nianbao");
    await api.saveReport({ report: created.report, path });
    chmodSync(path, 0o600);
    const opened = await api.openReport({ path });
    await api.saveReport({ report: { ...opened.report, meta: { ...opened.report.meta, docNumber: "木政发〔2025〕1号" } }, path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // Another program (the CLI, another window) saves the file in between.
    const theirs = readFileSync(path, "utf8").replace("木政发〔2025〕1号", "木政发〔2025〕2号");
    writeFileSync(path, theirs);
    const refused = await rejectionOf(
      api.saveReport({ report: { ...opened.report, meta: { ...opened.report.meta, docNumber: "木政发〔2025〕3号" } }, path }),
    );
    expect(refused.code).toBe("report_locked");
    expect(refused.zh).toContain("已被其他程序或窗口修改");
    expect(readFileSync(path, "utf8")).toBe(theirs);
    // Opening it again takes the other program's version; saving then works.
    const again = await api.openReport({ path });
    expect(again.report.meta.docNumber).toBe("木政发〔2025〕2号");
    await api.saveReport({ report: { ...again.report, meta: { ...again.report.meta, docNumber: "木政发〔2025〕3号" } }, path });
    expect(readFileSync(path, "utf8")).toContain("木政发〔2025〕3号");
  });

  it("refuses paths outside the chosen folders, including through a symlink", async () => {
    const { api, docs } = await createTestHost();
    const created = await api.newReport({ templateId: "fazhi-zhengfu-niandu-baogao", org: "某区", year: 2024 });
    const outside = mkdtempSync(join(tmpdir(), "nianbao-outside-"));
    expect(await codeOf(api.saveReport({ report: created.report, path: join(outside, "x.nianbao") }))).toBe("path_not_allowed");
    symlinkSync(outside, join(docs, "link"));
    expect(await codeOf(api.saveReport({ report: created.report, path: join(docs, "link", "x.nianbao") }))).toBe("path_not_allowed");
    expect(await codeOf(api.openReport({ path: "relative.nianbao" }))).toBe("path_not_allowed");
    expect(await codeOf(api.listFolder({ path: outside }))).toBe("path_not_allowed");
  });

  it("keeps an autosave copy apart from the file until the report is saved", async () => {
    const { api, docs } = await createTestHost();
    const created = await api.newReport({ templateId: "fazhi-zhengfu-niandu-baogao", org: "某区", year: 2024 });
    const edited = { ...created.report, meta: { ...created.report.meta, docNumber: "某政发〔2025〕1号" } };
    await api.writeRecovery({ report: edited, path: null });
    const offered = await api.listRecoveries({});
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ reportId: created.report.id, path: null });
    const restored = await api.readRecovery({ reportId: created.report.id });
    expect(restored.report.meta.docNumber).toBe("某政发〔2025〕1号");

    await api.saveReport({ report: restored.report, path: join(docs, "a.nianbao") });
    expect(await api.listRecoveries({})).toEqual([]);
  });

  it("answers unsupported for native dialogs in browser mode, and uses them in Electron mode", async () => {
    const browser = await createTestHost();
    expect(await codeOf(browser.api.chooseOpenPath({}))).toBe("unsupported");
    const picked = mkdtempSync(join(tmpdir(), "nianbao-picked-"));
    const file = join(picked, "上年.nianbao");
    const electron = await createTestHost({ dialogs: { chooseOpenPath: async () => file, chooseSavePath: async () => null } });
    const created = await electron.api.newReport({ templateId: "fazhi-zhengfu-niandu-baogao", org: "某区", year: 2023 });
    expect(await codeOf(electron.api.saveReport({ report: created.report, path: file }))).toBe("path_not_allowed");
    expect((await electron.api.chooseOpenPath({})).path).toBe(file);
    // The folder the user picked in the dialog is now theirs to use.
    await electron.api.saveReport({ report: created.report, path: file });
    expect((await electron.api.openReport({ path: file })).report.id).toBe(created.report.id);
  });

  it("reports a damaged file with its code and leaves it alone", async () => {
    const { api, docs } = await createTestHost();
    const path = join(docs, "坏.nianbao");
    writeFileSync(path, "{ not json");
    expect(await codeOf(api.openReport({ path }))).toBe("file_corrupt");
    expect(readFileSync(path, "utf8")).toBe("{ not json");
  });
});
