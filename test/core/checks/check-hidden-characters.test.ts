import { describe, expect, it } from "vitest";
import { applyFix } from "../../../core/edits/apply-fix";
import { checkReport } from "../../../core/checks/check-report";
import { Finding } from "../../../core/checks/finding";
import { Report } from "../../../core/model/report";
import { fazhiTemplate } from "../../support/template";
import { cleanReport, text, withParagraph } from "./crafted-report";

const template = fazhiTemplate();

function found(report: Report, id: string): Finding[] {
  const all = checkReport(report, template, { today: "2025-01-20" });
  for (const f of all) expect(Finding.safeParse(f).success).toBe(true);
  return all.filter((f) => f.id === id);
}

describe("issue 13: invisible direction controls and broken characters", () => {
  it("CHAR-BIDI: a right-to-left override in the title and in the text, removable in one click in the text", () => {
    const titled = Report.parse({ ...cleanReport(), meta: { ...cleanReport().meta, title: "2024年度\u202e告报作工\u202c" } });
    const inTitle = found(titled, "CHAR-BIDI");
    expect(inTitle).toHaveLength(2);
    expect(inTitle[0]).toMatchObject({ severity: "warning", location: { path: ["meta", "title"] } });
    expect(inTitle[0]?.message).toContain("U+202E");
    expect(inTitle[0]?.fix).toBeUndefined();

    const { report, path } = withParagraph(cleanReport(), "measures", [text("全年受理\u2066信访件\u2069590件。")]);
    const inText = found(report, "CHAR-BIDI");
    expect(inText.map((f) => f.location.path)).toEqual([
      [...path, "content", 0],
      [...path, "content", 0],
    ]);
    let fixed = report;
    for (const f of [...inText].reverse()) {
      const fix = f.fix;
      if (fix === undefined) throw new Error("no fix");
      const result = applyFix(fixed, fix);
      if (!result.ok) throw new Error("fix refused");
      fixed = result.report;
    }
    expect(found(fixed, "CHAR-BIDI")).toEqual([]);
  });

  it("CHAR-SURROGATE: half a surrogate pair in the title or the text; whole pairs (𠮷) pass", () => {
    const titled = Report.parse({ ...cleanReport(), meta: { ...cleanReport().meta, title: "2024年度\ud842报告" } });
    expect(found(titled, "CHAR-SURROGATE")).toEqual([
      expect.objectContaining({ severity: "warning", location: expect.objectContaining({ path: ["meta", "title"] }) }),
    ]);
    const { report } = withParagraph(cleanReport(), "measures", [text("吉野家的𠮷字完整，\udc00此处残缺。")]);
    expect(found(report, "CHAR-SURROGATE")).toHaveLength(1);
    expect(found(cleanReport(), "CHAR-SURROGATE")).toEqual([]);
    expect(found(cleanReport(), "CHAR-BIDI")).toEqual([]);
  });
});
