import { describe, expect, it } from "vitest";
import { planRollup, type TownReport } from "../../../core/collect/plan-rollup";
import { Field } from "../../../core/model/field";
import type { Report } from "../../../core/model/report";
import { fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

const OPTIONS = { readAt: "2025-02-10T09:00:00.000+08:00", today: "2025-02-10" };

function count(id: string, label: string, value: string | null, unit = "件"): Field {
  return Field.parse({ id, label, kind: "count", value, unit, status: value === null ? "unconfirmed" : "confirmed" });
}

function reportOf(org: string, id: string, fields: Field[]): Report {
  const r = fixtureReport();
  return { ...r, id, meta: { ...r.meta, org }, fields: Object.fromEntries(fields.map((f) => [f.id, f])) };
}

function town(report: Report, n: number): TownReport {
  return { report, fileName: `${report.meta.org}.nianbao`, fileSha256: String(n).repeat(64) };
}

describe("planRollup", () => {
  it("matches each town's figure by what it reports, not by its field number or exact words, one to one", () => {
    const county = reportOf("某县人民政府", "county-0001", [
      count("a", "受理各类审批服务事项", null),
      count("b", "办结审批服务事项", null),
      count("c", "受理信访件", null),
    ]);
    // The town numbered its fields differently and wrote the labels its own way.
    const one = reportOf("甲镇人民政府", "town-00001", [
      count("x1", "受理信访件", "40"),
      count("x2", "办结审批服务事项", "90"),
      count("x3", "受理审批服务事项", "100"),
    ]);
    const two = reportOf("乙镇人民政府", "town-00002", [count("y1", "受理各类审批服务事项", "7"), count("y2", "受理信访件", "3", "万件")]);
    const { result, edits } = planRollup(county, [town(one, 1), town(two, 2)], fazhiTemplate(), OPTIONS);
    const byId = new Map(result.rows.map((r) => [r.fieldId, r]));
    expect(byId.get("a")?.contributions.map((c) => [c.town, c.fieldId, c.value])).toEqual([
      ["甲镇人民政府", "x3", "100"],
      ["乙镇人民政府", "y1", "7"],
    ]);
    expect(byId.get("a")?.value).toBe("107");
    expect(byId.get("b")).toMatchObject({ value: "90", missing: ["乙镇人民政府"] });
    // 3 万件 is not 3 件: it is left out and said so, never added in.
    expect(byId.get("c")).toMatchObject({ value: "40", mismatched: [{ town: "乙镇人民政府", reason: "单位为“万件”，本报告为“件”" }] });
    expect(edits.map((e) => (e.type === "changeField" ? [e.fieldId, e.input] : null))).toEqual([
      ["a", "107"],
      ["b", "90"],
      ["c", "40"],
    ]);
  });
});
