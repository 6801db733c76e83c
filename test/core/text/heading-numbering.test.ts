import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import { recognizeReport } from "../../../core/import/recognize-report";
import { SourceBlock } from "../../../core/import/source-block";
import { readHeadingNumber, type NumberingLevel } from "../../../core/text/heading-numbering";
import { fazhiTemplate } from "../../support/template";
import { cleanReport, withHeading, withParagraph, text } from "../checks/crafted-report";

const template = fazhiTemplate();

/** Per level: the number as GB/T 9704 writes it, and a wrong form of it the checks correct. */
const LEVELS: readonly { level: NumberingLevel; canonical: string; wrong: string; id: string }[] = [
  { level: 1, canonical: "二、", wrong: "二.", id: "NUM-01" },
  { level: 2, canonical: "（二）", wrong: "(二)、", id: "NUM-02" },
  { level: 3, canonical: "2.", wrong: "2、", id: "NUM-03" },
  { level: 4, canonical: "（2）", wrong: "2)", id: "NUM-04" },
];

describe("one table of heading numbers", () => {
  it.each(LEVELS)("level $level: $canonical is read at its level and is canonical", ({ level, canonical }) => {
    const found = readHeadingNumber(`${canonical}加强组织领导`);
    expect(found).toMatchObject({ level, number: 2, written: canonical, canonical });
  });

  it.each(LEVELS)("level $level: $wrong is read at its level and corrected to $canonical", ({ level, canonical, wrong }) => {
    expect(readHeadingNumber(`${wrong}加强组织领导`)).toMatchObject({ level, number: 2, written: wrong, canonical });
  });

  it("does not read a quantity or a date as a level-3 number", () => {
    expect(readHeadingNumber("3月，全镇开展专项检查。")).toBeNull();
    expect(readHeadingNumber("1.5万人次参加活动。")).toBeNull();
  });

  it("import places 一、 （一） 1. （1） at levels 1 to 4", () => {
    const lines = [
      "2023年度某镇法治政府建设工作报告",
      "一、主要举措和成效",
      "（一）加强组织领导",
      "1.健全工作机制",
      "（1）完善议事规则",
      "各项工作扎实推进，取得明显成效。",
      "某镇人民政府",
      "2024年1月17日",
    ];
    const recognized = recognizeReport(
      lines.map((t) => SourceBlock.parse({ type: "paragraph", text: t })),
      template,
    );
    expect(recognized.headings.map((h) => [h.level, h.text])).toEqual([
      [1, "一、主要举措和成效"],
      [2, "（一）加强组织领导"],
      [3, "1.健全工作机制"],
      [4, "（1）完善议事规则"],
    ]);
  });

  it.each(LEVELS)("check: a level-$level heading written $wrong gets $id with the fix to $canonical", ({ level, wrong, canonical, id }) => {
    // Number 1 of the level first, in the right form, so only the form of number 2 is wrong.
    const first = canonical.replace("2", "1").replace("二", "一");
    const one = withHeading(cleanReport(), "measures", level, `${first}健全工作机制`).report;
    const { report } = withHeading(one, "measures", level, `${wrong}加强组织领导`);
    const findings = checkReport(report, template, { today: "2025-01-20" }).filter((f) => f.id.startsWith("NUM-"));
    const forms = findings.filter((f) => f.id === id);
    expect(forms.map((f) => f.fix?.type === "replaceText" && f.fix.to)).toContain(canonical);
    expect(findings.filter((f) => f.id !== id && f.id !== "NUM-05")).toEqual([]);
  });

  it("check: a paragraph opening with a level-4 number in the wrong form is flagged at level 4", () => {
    const { report } = withParagraph(cleanReport(), "measures", [text("(1)完善议事规则，提高决策质量。")]);
    const findings = checkReport(report, template, { today: "2025-01-20" });
    expect(findings.filter((f) => f.id === "NUM-04").map((f) => f.fix?.type === "replaceText" && f.fix.to)).toEqual(["（1）"]);
  });
});
