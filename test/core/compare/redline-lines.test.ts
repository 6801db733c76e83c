import { describe, expect, it } from "vitest";
import { diffRuns, redlineLines, type RedlineInput, type RevisedText } from "../../../core/compare/redline-lines";

type Line = RedlineInput<string, string>;
const line = (kind: string, text: string, format = "body"): Line => ({ kind, runs: [{ text, format }], source: `${kind}:${text}` });

const accepted = (runs: RevisedText<string>[]): string =>
  runs
    .filter((r) => r.change !== "delete")
    .map((r) => r.text)
    .join("");
const rejected = (runs: RevisedText<string>[]): string =>
  runs
    .filter((r) => r.change !== "insert")
    .map((r) => r.text)
    .join("");

const A = "镇党委、政府将法治建设工作纳入全镇经济社会发展总体规划，与经济社会发展任务同步规划。";
const B = "有效发挥人民调解化解矛盾纠纷第一道防线的作用，坚持常态化开展矛盾纠纷排查。";
const C = "加强法治文化阵地建设，香溪社区王家桥小区创建苏州市法治小区。";

describe("redlineLines", () => {
  it("keeps the order: a moved paragraph is deleted where it was and inserted where it is", () => {
    const result = redlineLines([line("p", B), line("p", C), line("p", A)], [line("p", A), line("p", B), line("p", C)]);
    expect(result.map((l) => `${l.mark ?? "kept"}:${l.source}`)).toEqual([`delete:p:${A}`, `kept:p:${B}`, `kept:p:${C}`, `insert:p:${A}`]);
    const kept = result.filter((l) => l.mark === null);
    expect(kept.map((l) => l.lastYear)).toEqual([`p:${B}`, `p:${C}`]);
  });

  it("pairs an edited line with its old self and never pairs lines of different kinds", () => {
    const edited = B.replace("常态化", "网格化");
    const result = redlineLines([line("heading1", B), line("p", edited)], [line("p", B)]);
    expect(result.map((l) => l.mark)).toEqual(["insert", null]);
    const pair = result[1];
    expect(pair && accepted(pair.runs)).toBe(edited);
    expect(pair && rejected(pair.runs)).toBe(B);
    expect(pair?.runs.filter((r) => r.change !== null).map((r) => `${r.change}:${r.text}`)).toEqual(["delete:常态", "insert:网格"]);
  });

  it("deletes what is only last year's and inserts what is only this year's, whole", () => {
    const result = redlineLines([line("p", C), line("p", B)], [line("p", A), line("p", B)]);
    expect(result.map((l) => [l.mark, accepted(l.runs), rejected(l.runs)])).toEqual([
      ["delete", "", A],
      ["insert", C, ""],
      [null, B, B],
    ]);
  });

  it("rewrites in place a line of a kind each year has once, however different (the 落款 date)", () => {
    const result = redlineLines([line("p", B), line("date", "2025年1月20日")], [line("p", B), line("date", "　　　　年　　月　　日")]);
    expect(result.map((l) => [l.mark, accepted(l.runs), rejected(l.runs)])).toEqual([
      [null, B, B],
      [null, "2025年1月20日", "　　　　年　　月　　日"],
    ]);
  });
});

describe("diffRuns", () => {
  it("changes whole numbers and words, and each side keeps its own formatting", () => {
    const runs = diffRuns(
      [
        { text: "（一）", format: "heading2" },
        { text: "2023年受理36万件", format: "body" },
      ],
      [
        { text: "（一）", format: "heading2" },
        { text: "2024年受理40万件", format: "body" },
      ],
    );
    expect(runs.map((r) => `${r.change ?? "="}:${r.format}:${r.text}`)).toEqual([
      "=:heading2:（一）",
      "delete:body:2023",
      "insert:body:2024",
      "=:body:年受理",
      "delete:body:36",
      "insert:body:40",
      "=:body:万件",
    ]);
  });

  it("splits at run boundaries so that a changed run-in heading keeps its font", () => {
    const runs = diffRuns(
      [
        { text: "（一）依法决策。", format: "heading2" },
        { text: "全年审查合同。", format: "body" },
      ],
      [
        { text: "（一）依法行政。", format: "heading2" },
        { text: "全年审查合同。", format: "body" },
      ],
    );
    expect(accepted(runs)).toBe("（一）依法行政。全年审查合同。");
    expect(rejected(runs)).toBe("（一）依法决策。全年审查合同。");
    expect(runs.filter((r) => r.change !== null).every((r) => r.format === "heading2")).toBe(true);
  });
});
