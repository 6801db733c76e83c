import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RollupResult } from "../../../core/collect/rollup-result";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";
import { runCli } from "../../support/run-cli";

/*
 * 汇总各乡镇 through the built CLI: three towns' reports made from the published fixture, each with
 * its own numbers (one as a Word file, as towns send them), rolled up into the county's report.
 */

interface ListedField {
  id: string;
  value: number | null;
  status: string;
  provenance: { department: string; fileName: string; answer: string; outcome: string; via?: string; requestId: string }[];
}

let dir: string;

function ok(args: string[]): string {
  const r = runCli(args, { cwd: dir });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

function fields(report: string): Map<string, ListedField> {
  return new Map((JSON.parse(ok(["fields", report, "--json"])) as ListedField[]).map((f) => [f.id, f]));
}

function rollup(args: string[]): RollupResult {
  return JSON.parse(ok(["rollup", ...args, "--json"])) as RollupResult;
}

function row(result: RollupResult, fieldId: string) {
  const found = result.rows.find((r) => r.fieldId === fieldId);
  if (found === undefined) throw new Error(`no row for ${fieldId}`);
  return found;
}

/** A fresh copy of the county report for one test to change. */
function county(name: string): string {
  writeFileSync(join(dir, name), readFileSync(join(dir, "county.nianbao")));
  return name;
}

const TOWNS = ["mudu.nianbao", "xukou.nianbao", "guangfu.docx"];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-rollup-"));
  ok(["import", FIXTURE_MARKDOWN, "--roll-forward", "--org", "吴中区人民政府", "-o", "county.nianbao"]);
  ok(["import", FIXTURE_MARKDOWN, "--roll-forward", "--org", "木渎镇人民政府", "-o", "mudu.nianbao"]);
  ok(["import", FIXTURE_MARKDOWN, "--roll-forward", "--org", "胥口镇人民政府", "-o", "xukou.nianbao"]);
  ok(["import", FIXTURE_MARKDOWN, "--roll-forward", "--org", "光福镇人民政府", "-o", "guangfu.nianbao"]);
  // 木渎镇 confirmed everything it sends; 胥口镇 left 受理各类审批服务事项 unconfirmed; 光福镇 has no 信访 figure.
  ok(["fields", "mudu.nianbao", "--set", "f2=380000", "--set", "f16=600", "--set", "f19=95.5", "--set", "f7=26500"]);
  ok(["fields", "mudu.nianbao", "--confirm", "f2", "--confirm", "f16", "--confirm", "f19", "--confirm", "f7"]);
  ok(["fields", "xukou.nianbao", "--set", "f2=12000", "--set", "f16=20", "--set", "f19=96", "--set", "f7=约3000", "--confirm", "f16"]);
  ok(["fields", "guangfu.nianbao", "--set", "f2=9000", "--set", "f19=97.25", "--confirm", "f2", "--confirm", "f19"]);
  // 光福镇 sends its published Word file, not its .nianbao, under its own title.
  const guangfu = join(dir, "guangfu.nianbao");
  writeFileSync(guangfu, readFileSync(guangfu, "utf8").replace("2024年度木渎镇法治政府建设工作报告", "2024年度光福镇法治政府建设工作报告"));
  ok(["export", "guangfu.nianbao", "--docx", "guangfu.docx"]);
}, 120_000);

describe("nianbao rollup", () => {
  it("sums counts and averages rates across the towns, names who is missing and who has not confirmed, and writes only with --apply", () => {
    const file = county("sum.nianbao");
    const before = readFileSync(join(dir, file));
    const offered = rollup([file, "--from", ...TOWNS]);
    expect(readFileSync(join(dir, file)).equals(before)).toBe(true);

    expect(offered.towns.map((t) => t.org)).toEqual(["木渎镇人民政府", "胥口镇人民政府", "光福镇人民政府"]);
    expect(offered.towns.map((t) => t.reportYear)).toEqual([2024, 2024, 2024]);
    const xukou = offered.towns[1];
    // 胥口镇 set four numbers and confirmed one: 21 fields, one confirmed, one computed from another.
    expect(xukou?.unconfirmed).toBeGreaterThan(offered.towns[0]?.unconfirmed ?? Infinity);
    expect(xukou?.stage).toBe("起草中");
    expect(xukou?.submitBy).toBe("2025-03-01");

    const approvals = row(offered, "f2");
    expect(approvals).toMatchObject({ method: "sum", value: "401000", outcome: "applied", missing: [], unconfirmed: ["胥口镇人民政府"] });
    expect(approvals.contributions.map((c) => [c.town, c.value])).toEqual([
      ["木渎镇人民政府", "380000"],
      ["胥口镇人民政府", "12000"],
      ["光福镇人民政府", "9000"],
    ]);
    expect(row(offered, "f16")).toMatchObject({ value: "620", missing: ["光福镇人民政府"] });
    // One town's 约 makes the sum approximate.
    expect(row(offered, "f7")).toMatchObject({ value: "29500", qualifier: "约", text: "约29,500家次" });
    expect(row(offered, "f19")).toMatchObject({ method: "average", value: "96.25" });
    expect(row(offered, "f1")).toMatchObject({ value: null, outcome: "empty" });

    const text = ok(["rollup", file, "--from", ...TOWNS]);
    expect(text).toContain("f2 受理各类审批服务事项：合计 超401,000件");
    expect(text).toContain("乡镇未确认：胥口镇人民政府");
    expect(text).toContain("尚未写入");

    const applied = rollup([file, "--from", ...TOWNS, "--apply"]);
    expect(row(applied, "f2").outcome).toBe("applied");
    const after = fields(file);
    expect(after.get("f2")).toMatchObject({ value: 401000, status: "unconfirmed" });
    expect(after.get("f19")).toMatchObject({ value: 96.25, status: "unconfirmed" });
    expect(after.get("f2")?.provenance.map((p) => [p.department, p.fileName, p.answer, p.via])).toEqual([
      ["木渎镇人民政府", "mudu.nianbao", "380000", "rollup"],
      ["胥口镇人民政府", "xukou.nianbao", "12000", "rollup"],
      ["光福镇人民政府", "guangfu.docx", "9000", "rollup"],
    ]);

    // A second roll-up replaces the first one's towns instead of piling them up.
    ok(["fields", "xukou.nianbao", "--set", "f2=15000"]);
    try {
      rollup([file, "--from", ...TOWNS, "--apply"]);
    } finally {
      ok(["fields", "xukou.nianbao", "--set", "f2=12000"]);
    }
    const again = fields(file).get("f2");
    expect(again?.value).toBe(404000);
    expect(again?.provenance.map((p) => p.answer)).toEqual(["380000", "15000", "9000"]);
  });

  it("keeps a value the county confirmed and lists the towns' figures beside it", () => {
    const file = county("confirmed.nianbao");
    ok(["fields", file, "--set", "f16=650", "--confirm", "f16"]);
    const result = rollup([file, "--from", ...TOWNS, "--apply", "--field", "f16", "--field", "f2"]);
    expect(row(result, "f16")).toMatchObject({ outcome: "confirmed", current: "650", value: "620" });
    expect(row(result, "f19").outcome).toBe("skipped");
    const after = fields(file);
    expect(after.get("f16")).toMatchObject({ value: 650, status: "confirmed" });
    expect(after.get("f16")?.provenance.map((p) => p.outcome)).toEqual(["conflict", "conflict"]);
    expect(after.get("f2")?.value).toBe(401000);
    expect(after.get("f19")?.value).toBeNull();
  });

  it("refuses a report of another year, the county report itself, a town sent twice and a file that is not a report, changing nothing", () => {
    const file = county("refused.nianbao");
    const before = readFileSync(join(dir, file));
    ok(["import", FIXTURE_MARKDOWN, "--org", "藏书镇人民政府", "-o", "cangshu-2023.nianbao"]);
    writeFileSync(join(dir, "not-a-report.docx"), "PK\u0003\u0004 this is not a zip");
    const cases: [string[], RegExp][] = [
      [["cangshu-2023.nianbao"], /cangshu-2023\.nianbao：是 2023 年度的报告，汇总的是 2024 年度/u],
      [[file], /是汇总报告本身/u],
      [["mudu.nianbao", "mudu.nianbao"], /只能汇总一次/u],
      [["not-a-report.docx"], /not-a-report\.docx：/u],
    ];
    for (const [towns, message] of cases) {
      const r = runCli(["rollup", file, "--from", ...towns, "--apply"], { cwd: dir });
      expect(r.status, towns.join()).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain("汇总报告未改动");
      expect(readFileSync(join(dir, file)).equals(before)).toBe(true);
    }
    const usage = runCli(["rollup", file], { cwd: dir });
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toContain("请指定要汇总的乡镇报告");
  });

  it("sums the 信息公开 tables cell by cell", () => {
    const make = (name: string, org: string) =>
      ok(["new", "--template", "zhengfu-xinxi-gongkai-niandu-baogao", "--org", org, "--year", "2024", "-o", name]);
    make("xxgk-county.nianbao", "吴中区人民政府");
    make("xxgk-a.nianbao", "木渎镇人民政府");
    make("xxgk-b.nianbao", "胥口镇人民政府");
    ok(["fields", "xxgk-a.nianbao", "--set", "t3.new.natural=12", "--set", "t2.lic.decisions=300"]);
    ok(["fields", "xxgk-b.nianbao", "--set", "t3.new.natural=5", "--set", "t3.new.commercial=2"]);
    const result = rollup(["xxgk-county.nianbao", "--from", "xxgk-a.nianbao", "xxgk-b.nianbao", "--apply"]);
    expect(row(result, "t3.new.natural")).toMatchObject({ value: "17", missing: [] });
    expect(row(result, "t3.new.commercial")).toMatchObject({ value: "2", missing: ["木渎镇人民政府"] });
    expect(row(result, "t2.lic.decisions")).toMatchObject({ value: "300", missing: ["胥口镇人民政府"] });
    const after = fields("xxgk-county.nianbao");
    expect(after.get("t3.new.natural")?.value).toBe(17);
    expect(after.get("t3.new.commercial")?.value).toBe(2);
  });
});
