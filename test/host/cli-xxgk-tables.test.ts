import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli";

interface Listed {
  id: string;
  label: string;
  value: number | null;
  status: string;
  computed: boolean;
  table: string | null;
}

interface Checked {
  findings: { id: string; severity: string; message: string; rule?: string; fields?: string[] }[];
}

const T3_APPLICANTS = ["natural", "commercial", "research", "nonprofit", "legal", "other_org"];

describe("nianbao new / fields / check with the 政府信息公开工作年度报告 template", () => {
  it("creates the report, lists every cell, sets and confirms one, and reports R1 with its rule and cells", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nianbao-xxgk-")), "x.nianbao");
    const created = runCli([
      "new",
      "--template",
      "zhengfu-xinxi-gongkai-niandu-baogao",
      "--org",
      "木渎镇人民政府",
      "--year",
      "2024",
      "-o",
      file,
    ]);
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);

    const inspected = JSON.parse(runCli(["inspect", file, "--json"]).stdout) as {
      title: string;
      parts: { part: string; heading: string }[];
    };
    expect(inspected.title).toBe("木渎镇人民政府2024年政府信息公开工作年度报告");
    expect(inspected.parts.map((p) => p.part)).toEqual(["overview", "proactive", "requests", "appeals", "problems", "other"]);

    const listed = JSON.parse(runCli(["fields", file, "--json"]).stdout) as Listed[];
    expect(listed).toHaveLength(200);
    expect(listed.find((f) => f.id === "t3.new.natural")).toMatchObject({
      computed: false,
      table: "t3",
      value: null,
      status: "unconfirmed",
    });
    expect(listed.find((f) => f.id === "t3.carry_in.total")).toMatchObject({ computed: true, table: "t3" });
    expect(listed.find((f) => f.id === "t4.review.total")).toMatchObject({ computed: true, table: "t4" });
    expect(listed.find((f) => f.id === "t2.nds.made")).toMatchObject({ computed: false, table: "t2" });

    // Everything 0 except 本年新收 (自然人) 10: 办理结果 0 and 结转 0 break 一+二 = 三（七）+四.
    const zeros = ["new", "carry_in", "open", "carry_out"].flatMap((row) => T3_APPLICANTS.map((c) => ["--set", `t3.${row}.${c}=0`]));
    const set = runCli(["fields", file, ...zeros.flat(), "--set", "t3.new.natural=10", "--confirm", "t3.new.natural", "--json"]);
    expect(set.stderr).toBe("");
    expect(set.status).toBe(0);
    const after = JSON.parse(set.stdout) as Listed[];
    expect(after.find((f) => f.id === "t3.new.natural")).toMatchObject({ value: 10, status: "confirmed" });
    expect(after.find((f) => f.id === "t3.new.total")).toMatchObject({ value: 10, computed: true });

    const checked = runCli(["check", file, "--json", "--today", "2025-01-10"]);
    expect(checked.status).toBe(1);
    const { findings } = JSON.parse(checked.stdout) as Checked;
    const r1 = findings.filter((f) => f.rule === "R1");
    expect(r1).toHaveLength(2);
    expect(r1[0]).toMatchObject({
      id: "RULE-R1",
      severity: "error",
      fields: ["t3.new.natural", "t3.carry_in.natural", "t3.result_total.natural", "t3.carry_out.natural"],
    });
    expect(r1[0]?.message).toContain("一+二=10，三（七）+四=0，相差10");
    expect(findings.find((f) => f.id === "TABLE-BLANK" && f.message.startsWith("表三"))?.fields).toHaveLength(144 - 24);

    const text = runCli(["check", file, "--today", "2025-01-10"]);
    expect(text.stdout).toContain("错误 RULE-R1");
  });

  it("refuses a typed value a cell cannot hold, in Chinese and English, and leaves the file alone", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nianbao-xxgk-")), "x.nianbao");
    runCli(["new", "--template", "zhengfu-xinxi-gongkai-niandu-baogao", "--org", "某镇人民政府", "--year", "2024", "-o", file]);
    const fractional = runCli(["fields", file, "--set", "t3.new.natural=2.5"]);
    expect(fractional.status).not.toBe(0);
    expect(fractional.stderr).toContain("t3.new.natural（本年新收政府信息公开申请数量（自然人））");
    expect(fractional.stderr).toContain("文件未改动");
    const total = runCli(["fields", file, "--set", "t3.new.total=3"]);
    expect(total.stderr).toContain("是合计，由各项数字自动计算");
    expect(total.stderr).toContain("is a total computed from its inputs");
    const fee = runCli(["fields", file, "--set", "t2.fee.amount_wan=0.125"]);
    expect(fee.stderr).toContain("最多保留 2 位小数");
    const listed = JSON.parse(runCli(["fields", file, "--json"]).stdout) as Listed[];
    expect(listed.every((f) => f.value === null)).toBe(true);
  });

  it("imports last year's exported .docx with --roll-forward, recognising the template, and prefills 上年结转", () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-xxgk-"));
    const last = join(dir, "2023.nianbao");
    runCli(["new", "--template", "zhengfu-xinxi-gongkai-niandu-baogao", "--org", "木渎镇人民政府", "--year", "2023", "-o", last]);
    const filled = runCli([
      "fields",
      last,
      "--set",
      "t3.carry_out.natural=4",
      "--set",
      "t3.carry_out.legal=2",
      "--set",
      "t3.new.natural=6",
    ]);
    expect(filled.status).toBe(0);
    const docx = join(dir, "2023.docx");
    expect(runCli(["export", last, "--docx", docx]).status).toBe(0);

    const next = join(dir, "2024.nianbao");
    const imported = runCli(["import", docx, "--roll-forward", "-o", next]);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("模板：政府信息公开工作年度报告");
    expect(imported.stdout).toContain("已按上年报告预填 2 个单元格");
    const listed = JSON.parse(runCli(["fields", next, "--json"]).stdout) as (Listed & { lastYearValue: number | null })[];
    expect(listed.find((f) => f.id === "t3.carry_in.natural")).toMatchObject({ value: 4, status: "unconfirmed" });
    expect(listed.find((f) => f.id === "t3.carry_in.legal")).toMatchObject({ value: 2, status: "unconfirmed" });
    expect(listed.find((f) => f.id === "t3.carry_in.total")).toMatchObject({ value: 6, computed: true });
    expect(listed.find((f) => f.id === "t3.new.natural")).toMatchObject({ value: null, lastYearValue: 6 });
  });
});
