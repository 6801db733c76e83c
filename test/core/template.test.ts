import { describe, expect, it } from "vitest";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { parseTemplate } from "../../core/model/parse-template";
import { fazhiTemplate, readTemplateJson } from "../support/template";

describe("the 法治政府建设年度报告 template", () => {
  it("lists the statutory parts in the fixture's order, with `other` optional", () => {
    const template = fazhiTemplate();
    expect(template.parts.map((p) => [p.id, p.required])).toEqual([
      ["duty", true],
      ["measures", true],
      ["shortcomings", true],
      ["nextYear", true],
      ["other", false],
    ]);
    expect(template.parts.find((p) => p.id === "measures")?.subsections.map((s) => s.heading)).toEqual([
      "全面履行政府职能情况",
      "推进行政决策科学化民主化法治化情况",
      "坚持严格规范公正文明执法情况",
      "强化行政权力制约监督情况",
      "依法有效化解社会矛盾纠纷情况",
      "落实法治政府建设保障措施情况",
    ]);
    expect(template.deadlines).toEqual({ submit: "03-01", publish: "04-01" });
    expect(template.indicators.length).toBeGreaterThan(10);
  });

  it("reports every broken path of an invalid template in readable lines", () => {
    const raw = readTemplateJson() as { parts: Record<string, unknown>[]; deadlines: Record<string, string> };
    raw.parts[1]!["id"] = "duty";
    raw.parts[2]!["required"] = "yes";
    raw.deadlines["submit"] = "3月1日";
    let error: unknown;
    try {
      parseTemplate(raw, "templates/broken/template.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NianbaoError);
    const { code, zh } = error as NianbaoError;
    expect(code).toBe("template_invalid");
    expect(zh).toContain("templates/broken/template.json");
    expect(zh).toContain("parts.2.required");
    expect(zh).toContain("deadlines.submit");
  });

  it("reports a duplicate part id", () => {
    const raw = readTemplateJson() as { parts: Record<string, unknown>[] };
    raw.parts[1]!["id"] = "duty";
    expect(() => parseTemplate(raw, "t.json")).toThrow(/部分编号重复：duty|duplicate/);
  });
});
