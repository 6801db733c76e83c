import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli";

interface Checked {
  findings: { id: string; message: string }[];
}

const TEMPLATE = "zhengfu-xinxi-gongkai-niandu-baogao";
const publishDeadline = (file: string, today: string): string | undefined =>
  (JSON.parse(runCli(["check", file, "--json", "--today", today]).stdout) as Checked).findings.find((f) => f.id === "DEADLINE-PUBLISH")
    ?.message;

describe("nianbao: a report's own deadline and a figure's source", () => {
  it("new --deadline sets the unit's date (a local notice) instead of 1月31日, and a roll-forward keeps it", () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-xxgk-deadline-"));
    const plain = join(dir, "plain.nianbao");
    runCli(["new", "--template", TEMPLATE, "--org", "某县审计局", "--year", "2024", "-o", plain]);
    expect(publishDeadline(plain, "2025-01-25")).toBe("向社会公开期限为 2025年1月31日，还有 6 天");

    const town = join(dir, "town.nianbao");
    const created = runCli([
      "new",
      "--template",
      TEMPLATE,
      "--org",
      "木渎镇人民政府",
      "--year",
      "2024",
      "--deadline",
      "1月20日",
      "-o",
      town,
    ]);
    expect(created.status).toBe(0);
    expect(publishDeadline(town, "2025-01-25")).toBe("已超过向社会公开期限（2025年1月20日）5 天");

    const next = join(dir, "next.nianbao");
    expect(runCli(["import", town, "--roll-forward", "-o", next]).status).toBe(0);
    expect(publishDeadline(next, "2026-01-10")).toBe("向社会公开期限为 2026年1月20日，还有 10 天");
    const moved = join(dir, "moved.nianbao");
    expect(runCli(["import", town, "--roll-forward", "--deadline", "02-20", "-o", moved]).status).toBe(0);
    expect(publishDeadline(moved, "2026-01-10")).toBe("向社会公开期限为 2026年2月20日，还有 41 天");

    const bad = runCli([
      "new",
      "--template",
      TEMPLATE,
      "--org",
      "木渎镇人民政府",
      "--year",
      "2024",
      "--deadline",
      "2月30日",
      "-o",
      join(dir, "bad.nianbao"),
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("--deadline 须为月日");
  });

  it("fields --source records where a figure came from, keeps its confirmation, and an empty source clears it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nianbao-xxgk-source-")), "x.nianbao");
    runCli(["new", "--template", TEMPLATE, "--org", "木渎镇人民政府", "--year", "2024", "-o", file]);
    runCli(["fields", file, "--set", "t3.new.natural=7", "--confirm", "t3.new.natural"]);
    const set = runCli(["fields", file, "--source", "t3.new.natural=党政办（政务公开）", "--json"]);
    expect(set.stderr).toBe("");
    const listed = JSON.parse(set.stdout) as { id: string; source: string | null; status: string }[];
    expect(listed.find((f) => f.id === "t3.new.natural")).toMatchObject({ source: "党政办（政务公开）", status: "confirmed" });
    expect(runCli(["fields", file]).stdout).toContain("来源 党政办（政务公开）");
    const cleared = JSON.parse(runCli(["fields", file, "--source", "t3.new.natural=", "--json"]).stdout) as {
      id: string;
      source: string | null;
    }[];
    expect(cleared.find((f) => f.id === "t3.new.natural")).toMatchObject({ source: null });
  });
});
