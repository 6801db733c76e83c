import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../host/cli/commands/index";
import { runCli } from "../support/run-cli";

const tempDir = () => mkdtempSync(join(tmpdir(), "nianbao-cli-"));

describe("nianbao new / inspect", () => {
  it("creates a report whose inspection shows the four statutory parts in order", () => {
    const file = join(tempDir(), "a.nianbao");
    const created = runCli(["new", "--template", "fazhi-zhengfu-niandu-baogao", "--org", "木渎镇人民政府", "--year", "2024", "-o", file]);
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const inspected = runCli(["inspect", file, "--json"]);
    expect(inspected.status).toBe(0);
    const json = JSON.parse(inspected.stdout) as {
      org: string;
      reportYear: number;
      date: null;
      headings: { level: number; text: string; part: string }[];
    };
    expect(json.org).toBe("木渎镇人民政府");
    expect(json.reportYear).toBe(2024);
    expect(json.date).toBeNull();
    const level1 = json.headings.filter((h) => h.level === 1);
    expect(level1.map((h) => h.part)).toEqual(["duty", "measures", "shortcomings", "nextYear"]);
    expect(level1.map((h) => h.text.slice(0, 2))).toEqual(["一、", "二、", "三、", "四、"]);
    const text = runCli(["inspect", file]);
    expect(text.stdout).toContain("二、2024年推进法治政府建设的主要举措和成效");
  });

  it("lists exactly the registered commands in --help, each of which loads and shows its usage", async () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    const listed = help.stdout
      .split("命令 Commands:\n")[1]
      ?.split("\n\n")[0]
      ?.split("\n")
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(listed).toEqual(commands.map((c) => c.name));
    expect(listed).toEqual(expect.arrayContaining(["new", "inspect"]));
    for (const command of commands) {
      const module = await command.load();
      expect(typeof module.run, command.name).toBe("function");
      const usage = runCli([command.name, "--help"]);
      expect(usage.status, command.name).toBe(0);
      expect(usage.stdout).toContain(`nianbao ${command.name}`);
    }
  });

  it("explains bad arguments in Chinese and English and exits 2", () => {
    const r = runCli([
      "new",
      "--template",
      "fazhi-zhengfu-niandu-baogao",
      "--org",
      "某镇",
      "--year",
      "24",
      "-o",
      join(tempDir(), "x.nianbao"),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("错误：");
    expect(r.stderr).toContain("Error:");
    expect(r.stderr).toContain("四位年份");
    const unknown = runCli(["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command");
  });

  it("does not overwrite an existing file without --force, and names a missing template", () => {
    const file = join(tempDir(), "a.nianbao");
    writeFileSync(file, "keep me");
    const r = runCli(["new", "--template", "fazhi-zhengfu-niandu-baogao", "--org", "某镇", "--year", "2024", "-o", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("文件已存在");
    const missing = runCli(["new", "--template", "no-such", "--org", "某镇", "--year", "2024", "-o", join(tempDir(), "b.nianbao")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("fazhi-zhengfu-niandu-baogao");
  });

  it("reports a damaged file on inspect without a stack trace", () => {
    const file = join(tempDir(), "bad.nianbao");
    writeFileSync(file, "{ not json");
    const r = runCli(["inspect", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("文件已损坏");
    expect(r.stderr).not.toContain("    at ");
  });
});
