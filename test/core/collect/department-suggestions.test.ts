import { describe, expect, it } from "vitest";
import { departmentSuggestions } from "../../../core/collect/department-suggestions";
import { Field } from "../../../core/model/field";
import { Template } from "../../../core/model/template";
import { fazhiTemplate, readTemplateJson, xxgkTemplate } from "../../support/template";

/** Labels as `nianbao import` recognises them in the real 2023 木渎镇 report (test/fixtures). */
const LABELS: [string, Field["kind"]][] = [
  ["受理各类审批服务事项", "count"],
  ["受理各类审批服务事项同比增长", "growth"],
  ["检查企业、场所", "count"],
  ["依申请公开答复率", "percent"],
  ["政协委员提案", "count"],
  ["办结率和满意率", "percent"],
  ["调解各类纠纷", "count"],
  ["受理信访件", "count"],
  ["化解信访积案", "count"],
  ["联动中心平台共接单", "count"],
  ["结案率", "percent"],
];

function fields(): Record<string, Field> {
  return Object.fromEntries(
    LABELS.map(([label, kind], i) => [
      `f${i + 1}`,
      Field.parse({ id: `f${i + 1}`, label, kind, value: null, unit: null, status: "unconfirmed" }),
    ]),
  );
}

function byLabel(all: Record<string, Field>, label: string): Field {
  const found = Object.values(all).find((f) => f.label === label);
  if (found === undefined) throw new Error(`no field ${label}`);
  return found;
}

describe("来源部门 suggestions", () => {
  it("names the offices of the template's indicator a field reports, though the report words the label its own way", () => {
    const all = fields();
    const template = fazhiTemplate();
    expect(departmentSuggestions([byLabel(all, "受理信访件")], all, template)).toEqual(["信访办"]);
    expect(departmentSuggestions([byLabel(all, "受理各类审批服务事项")], all, template)).toEqual(["政务服务中心", "行政审批局"]);
    expect(departmentSuggestions([byLabel(all, "调解各类纠纷")], all, template)).toEqual(["司法所"]);
    expect(departmentSuggestions([byLabel(all, "检查企业、场所")], all, template)).toEqual(["应急管理办公室"]);
    expect(departmentSuggestions([byLabel(all, "依申请公开答复率")], all, template)).toEqual(["政府办"]);
    // The growth of a count is not that count: no indicator, no guess.
    expect(departmentSuggestions([byLabel(all, "受理各类审批服务事项同比增长")], all, template)).toEqual([]);
  });

  it("adds the departments the report already names, the most used first, after the template's", () => {
    const all = fields();
    const named = (label: string, source: string) => {
      const f = byLabel(all, label);
      all[f.id] = { ...f, source };
    };
    named("化解信访积案", "信访办");
    named("联动中心平台共接单", "社会治理联动中心");
    named("结案率", "社会治理联动中心");
    named("政协委员提案", "镇党政办");
    expect(departmentSuggestions([byLabel(all, "受理信访件")], all, fazhiTemplate())).toEqual(["信访办", "社会治理联动中心", "镇党政办"]);
    // Several rows at once: each one's offices, then the report's.
    expect(departmentSuggestions([byLabel(all, "受理信访件"), byLabel(all, "依申请公开答复率")], all, fazhiTemplate()).slice(0, 2)).toEqual(
      ["信访办", "政府办"],
    );
    // A template without a catalogue offers what the report uses.
    expect(departmentSuggestions([byLabel(all, "受理信访件")], all, xxgkTemplate())).toEqual(["社会治理联动中心", "信访办", "镇党政办"]);
  });

  it("is template data checked by the template's schema", () => {
    const json = readTemplateJson() as { indicators: { departments?: unknown }[] };
    const first = json.indicators[0];
    if (first === undefined) throw new Error("no indicators");
    first.departments = [""];
    expect(Template.safeParse(json).success).toBe(false);
    first.departments = "信访办";
    expect(Template.safeParse(json).success).toBe(false);
  });
});
