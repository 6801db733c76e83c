import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckResult } from "../../core/checks/finding";
import { Report } from "../../core/model/report";
import { loadReportFile, saveReportFile } from "../../host/storage/report-file";
import { atom, cleanReport, text, withFields, withParagraph } from "../core/checks/crafted-report";
import { runCli } from "../support/run-cli";

/** A 2024 report as roll-forward leaves it: two carried, unconfirmed fields with last year's values. */
async function reportFile(): Promise<string> {
  let report = withFields(
    cleanReport(),
    {
      id: "accepted",
      label: "受理审批服务事项",
      kind: "count",
      value: "360000",
      unit: "件",
      scale: "万",
      qualifier: "超",
      status: "unconfirmed",
      lastYear: { value: "360000", unit: "件", scale: "万", qualifier: "超" },
    },
    {
      id: "closed",
      label: "结案率",
      kind: "percent",
      value: "93.26",
      unit: "%",
      decimals: 2,
      status: "unconfirmed",
      lastYear: { value: "93.26", unit: "%" },
    },
  );
  report = withParagraph(report, "measures", [
    text("全年共受理各类审批服务事项"),
    atom("accepted"),
    text("，"),
    atom("accepted", "yoy"),
    text("。结案率"),
    atom("closed"),
    text("。"),
  ]).report;
  const file = join(mkdtempSync(join(tmpdir(), "nianbao-fields-")), "r.nianbao");
  await saveReportFile(file, report);
  return file;
}

interface Listed {
  id: string;
  label: string;
  text: string | null;
  value: number | null;
  lastYearValue: number | null;
  unit: string | null;
  qualifier: string | null;
  percent: boolean;
  yoy: string | null;
  status: string;
}

function listed(file: string): Listed[] {
  const r = runCli(["fields", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Listed[];
}

describe("nianbao fields", () => {
  it("refuses to change a field of an approved report and says how to make a revision", async () => {
    const file = await reportFile();
    expect(runCli(["fields", file, "--confirm", "accepted", "--confirm", "closed"]).status).toBe(0);
    for (const [step, person, role] of [
      ["submit", "王小明", "拟稿人"],
      ["review", "李科长", "审核人"],
      ["approve", "张镇长", "签发人"],
    ] as const) {
      expect(runCli(["workflow", file, step, "--as", person, "--role", role]).status, step).toBe(0);
    }
    const before = readFileSync(file, "utf8");
    const r = runCli(["fields", file, "--set", "accepted=超40万"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("创建修订稿");
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("lists fields in the documented JSON shape", async () => {
    const file = await reportFile();
    expect(listed(file)).toEqual([
      {
        id: "accepted",
        label: "受理审批服务事项",
        text: "超36万件",
        value: 360000,
        lastYearValue: 360000,
        lastYearText: "超36万件",
        unit: "件",
        qualifier: "超",
        percent: false,
        yoy: "与上年持平",
        status: "unconfirmed",
        source: null,
        provenance: [],
      },
      {
        id: "closed",
        label: "结案率",
        text: "93.26%",
        value: 93.26,
        lastYearValue: 93.26,
        lastYearText: "93.26%",
        unit: "%",
        qualifier: null,
        percent: true,
        yoy: "与上年持平",
        status: "unconfirmed",
        source: null,
        provenance: [],
      },
    ]);
    const plain = runCli(["fields", file]);
    expect(plain.stdout).toContain("? accepted  受理审批服务事项：超36万件");
  });

  it("sets values as a clerk types them, keeping the qualifier and leaving them unconfirmed, as the app's 应用 does", async () => {
    const file = await reportFile();
    const r = runCli(["fields", file, "--set", "accepted=400000", "--set", "closed=95.5%", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const fields = JSON.parse(r.stdout) as Listed[];
    expect(fields.map((f) => [f.text, f.value, f.yoy, f.status])).toEqual([
      ["超40万件", 400000, "同比增长11.11%", "unconfirmed"],
      ["95.5%", 95.5, "提高2.24个百分点", "unconfirmed"],
    ]);
    const confirmed = runCli(["fields", file, "--qualifier", "accepted=无", "--confirm", "accepted", "--confirm", "closed", "--json"]);
    expect(confirmed.status).toBe(0);
    expect((JSON.parse(confirmed.stdout) as Listed[]).map((f) => [f.text, f.status])).toEqual([
      ["40万件", "confirmed"],
      ["95.5%", "confirmed"],
    ]);
    const saved = await loadReportFile(file);
    expect(saved.report.fields["accepted"]).toMatchObject({ value: "400000", scale: "万", qualifier: "none" });
    expect(readFileSync(`${file}.bak`, "utf8")).toContain('"360000"');
    const inspected = JSON.parse(runCli(["inspect", file, "--json"]).stdout) as { fields: Listed[] };
    expect(inspected.fields[0]?.yoy).toBe("同比增长11.11%");
    runCli(["fields", file, "--set", "accepted=超36万"]);
    expect(listed(file)[0]).toMatchObject({ text: "超36万件", value: 360000, qualifier: "超" });
  });

  it("confirms a carried value without changing it", async () => {
    const file = await reportFile();
    const r = runCli(["fields", file, "--confirm", "closed"]);
    expect(r.status).toBe(0);
    expect(listed(file).map((f) => f.status)).toEqual(["unconfirmed", "confirmed"]);
  });

  it.each([
    ["accepted=abc", "不是可识别的数值"],
    ["accepted=1e309", "不是可识别的数值"],
    ["closed=150%", "0%–100%"],
    ["accepted=-5", "不能为负数"],
    ["nosuch=5", "没有编号为“nosuch”的字段"],
    ["accepted", "--set 须写作"],
  ])("refuses --set %s in both languages without touching the file", async (assignment, zh) => {
    const file = await reportFile();
    const before = readFileSync(file);
    const r = runCli(["fields", file, "--set", "closed=95.5%", "--set", assignment]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("错误：");
    expect(r.stderr).toContain("Error:");
    expect(r.stderr).toContain(zh);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("nianbao check", () => {
  it("prints findings as JSON and exits 1 while fields are unconfirmed, 0 once they are", async () => {
    const file = await reportFile();
    const r = runCli(["check", file, "--json", "--today", "2025-01-20"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const { findings } = CheckResult.parse(JSON.parse(r.stdout));
    expect(findings.filter((f) => f.id === "FIELD-UNCONFIRMED").map((f) => f.location.fieldId)).toEqual(["accepted", "closed"]);
    expect(findings.find((f) => f.id === "DEADLINE-SUBMIT")?.message).toContain("还有 40 天");
    runCli(["fields", file, "--set", "accepted=400000", "--set", "closed=95.5%", "--confirm", "accepted", "--confirm", "closed"]);
    const after = runCli(["check", file, "--today", "2025-01-20"]);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain("错误 0 项");
    expect(after.stdout).toContain("提示 DEADLINE-PUBLISH");
  });

  it("exits 2 with a bilingual message when the check cannot run", () => {
    const missing = runCli(["check", join(tmpdir(), "no-such-file.nianbao")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("找不到文件");
    expect(missing.stderr).toContain("file not found");
    const badDate = runCli(["check", "x.nianbao", "--today", "20250120"]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain("YYYY-MM-DD");
  });

  it("keeps the file valid: the saved report still parses", async () => {
    const file = await reportFile();
    runCli(["fields", file, "--set", "accepted=超36万"]);
    expect(Report.safeParse(JSON.parse(readFileSync(file, "utf8"))).success).toBe(true);
  });
});
