import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../support/run-cli";
import { rolledForwardFixture, saved, tempDir } from "./edited-fixture";

interface Item {
  key: string;
  status: string;
  link: { path: number[]; quote: string } | null;
  reason: string | null;
}

describe("nianbao plans", () => {
  it("records what became of last year's plans, and check then lists only the open ones", async () => {
    const dir = tempDir();
    const file = await saved(await rolledForwardFixture(), dir);
    const list = (): Item[] => JSON.parse(runCli(["plans", file, "--json"]).stdout) as Item[];
    expect(list().map((i) => i.status)).toEqual(["open", "open", "open", "open"]);

    const done = runCli(["plans", file, "--item", "2", "--addressed", "--quote", "高质量办理人大代表议案建议"]);
    expect(done.stderr).toBe("");
    expect(done.stdout).toContain("2. [已落实] 自觉主动接受监督  → 高质量办理人大代表议案建议");
    expect(runCli(["plans", file, "--item", "3", "--not-done", "--reason", "区级平台尚未上线"]).status).toBe(0);
    const items = list();
    expect(items.map((i) => i.status)).toEqual(["open", "addressed", "notDone", "open"]);
    expect(items[1]?.link?.path).toHaveLength(2);
    expect(items[2]?.reason).toBe("区级平台尚未上线");

    const check = JSON.parse(runCli(["check", file, "--json", "--today", "2025-01-20"]).stdout) as {
      findings: { id: string; message: string }[];
    };
    expect(check.findings.filter((f) => f.id === "PLAN-OPEN").map((f) => f.message)).toEqual([
      expect.stringContaining("有效提高法治能力建设"),
      expect.stringContaining("切实抓好法治宣传教育"),
    ]);
    expect(check.findings.filter((f) => f.id === "PLAN-NOT-DONE").map((f) => f.message)).toEqual([
      expect.stringContaining("区级平台尚未上线"),
    ]);

    expect(runCli(["plans", file, "--item", "2", "--reopen"]).status).toBe(0);
    expect(list().map((i) => i.status)).toEqual(["open", "open", "notDone", "open"]);
  });

  it("refuses an unknown item, a quote not in the report and a missing reason, leaving the file as it was", async () => {
    const dir = tempDir();
    const file = await saved(await rolledForwardFixture(), dir);
    const before = readFileSync(file);
    const cases: [string[], string, string][] = [
      [["--item", "9", "--reopen"], "没有第 9 项", "there is no item 9"],
      [["--item", "1", "--addressed", "--quote", "本镇新建了航天发射中心"], "找不到", "not in this year's report"],
      [["--item", "1", "--not-done"], "须用 --reason", "bad arguments"],
    ];
    for (const [args, zh, en] of cases) {
      const r = runCli(["plans", file, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(zh);
      expect(r.stderr).toContain(en);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(runCli(["plans", join(dir, "missing.nianbao")]).status).toBe(2);
  });
});
