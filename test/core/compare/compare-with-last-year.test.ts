import { describe, expect, it } from "vitest";
import { compareWithLastYear } from "../../../core/compare/compare-with-last-year";
import type { BlockNode, DocNode, InlineNode } from "../../../core/model/doc";
import type { PartId } from "../../../core/model/part-id";

type Para = string | InlineNode[];

function paragraph(content: Para): BlockNode {
  return {
    type: "paragraph",
    attrs: { carried: false },
    content: typeof content === "string" ? [{ type: "text", text: content }] : content,
  };
}

function doc(parts: [PartId, Para[]][], opening: string[] = []): DocNode {
  return {
    type: "doc",
    content: [
      ...opening.map((t) => ({ type: "paragraph" as const, attrs: { carried: false }, content: [{ type: "text" as const, text: t }] })),
      ...parts.map(([partId, paras]) => ({
        type: "part" as const,
        attrs: { partId },
        content: [
          {
            type: "heading" as const,
            attrs: { level: 1 as const, carried: false },
            content: [{ type: "text" as const, text: `一、${partId}` }],
          },
          ...paras.map(paragraph),
        ],
      })),
    ],
  };
}

const A = "镇党委、政府将法治建设工作纳入全镇经济社会发展总体规划，与经济社会发展任务同步规划、部署、落实。";
const B = "有效发挥人民调解化解矛盾纠纷第一道防线的作用，坚持常态化开展矛盾纠纷排查。";
const C = "加强法治文化阵地建设，香溪社区王家桥小区创建苏州市法治小区。";

describe("compareWithLastYear", () => {
  it("calls an untouched copy 100% unchanged", () => {
    const body = doc(
      [
        ["duty", [A]],
        ["measures", [B, C]],
      ],
      ["2023年是开局之年。"],
    );
    const result = compareWithLastYear(body, body);
    expect(result.unchangedRatio).toBe(1);
    expect(result.paragraphs.map((p) => p.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(result.parts.map((p) => [p.part, p.unchangedRatio])).toEqual([
      ["opening", 1],
      ["duty", 1],
      ["measures", 1],
    ]);
  });

  it("treats a field atom as the same text whatever its value", () => {
    const withField = (id: string): InlineNode[] => [
      { type: "text", text: "受理信访件" },
      { type: "reportField", attrs: { fieldId: id, show: "value" } },
      { type: "text", text: "。" },
    ];
    const result = compareWithLastYear(doc([["measures", [withField("petitions")]]]), doc([["measures", [withField("petitions")]]]));
    expect(result.paragraphs[0]).toMatchObject({ status: "unchanged", text: "受理信访件〔数〕。" });
  });

  it("classifies an edited, a deleted, a new and a moved paragraph exactly", () => {
    const last = doc([["measures", [A, B, C]]]);
    const editedB = B.replace("常态化", "网格化");
    const D = "新建两座卫星消防站，强化应急能力建设，全年组织应急演练。";
    const now = doc([["measures", [C, editedB, D]]]);
    const result = compareWithLastYear(now, last);
    const byStatus = Object.fromEntries(
      result.paragraphs.map((p) => [p.status === "removed" ? `removed:${p.lastYearText}` : `${p.status}:${p.text}`, p]),
    );
    expect(Object.keys(byStatus).sort()).toEqual([`changed:${editedB}`, `new:${D}`, `removed:${A}`, `unchanged:${C}`].sort());
    const changed = byStatus[`changed:${editedB}`];
    expect(
      changed?.diff
        .filter((d) => d.kind !== "equal")
        .map((d) => `${d.kind}:${d.text}`)
        .sort(),
    ).toEqual(["delete:常态", "insert:网格"]);
    expect(result.parts[0]?.counts).toEqual({ new: 1, changed: 1, unchanged: 1, removed: 1 });
    const total = [...C].length + [...editedB].length + [...D].length;
    const expected = ([...C].length + [...editedB].length - 2) / total;
    expect(result.unchangedRatio).toBeCloseTo(expected, 3);
  });

  it("compares part by part, so moving text to another part counts as new there", () => {
    const result = compareWithLastYear(
      doc([
        ["duty", []],
        ["measures", [A]],
      ]),
      doc([
        ["duty", [A]],
        ["measures", []],
      ]),
    );
    expect(result.paragraphs.map((p) => `${p.part}:${p.status}`).sort()).toEqual(["duty:removed", "measures:new"]);
    expect(result.unchangedRatio).toBe(0);
  });
});

describe("the comparison a Chinese reader can read", () => {
  const LAST = "2023年是全面贯彻落实党的二十大精神的开局之年，做好法治政府建设工作具有重大意义。";
  const NOW = "2024年是实现“十四五”规划目标任务的关键一年，做好法治政府建设工作具有重大意义。";

  it("diffs by words grouped into runs, so each side reads as its own sentence", () => {
    const [item] = compareWithLastYear(doc([["duty", [NOW]]]), doc([["duty", [LAST]]])).paragraphs;
    const diff = item?.diff ?? [];
    expect(
      diff
        .filter((d) => d.kind !== "delete")
        .map((d) => d.text)
        .join(""),
    ).toBe(NOW);
    expect(
      diff
        .filter((d) => d.kind !== "insert")
        .map((d) => d.text)
        .join(""),
    ).toBe(LAST);
    // No scrambling: one run each way (年是 in between is too short to stand alone), not
    // characters of both years interleaved.
    expect(diff.filter((d) => d.kind === "insert").map((d) => d.text)).toEqual(["2024年是实现“十四五”规划目标任务的关键一年"]);
    expect(diff.filter((d) => d.kind === "delete").map((d) => d.text)).toEqual(["2023年是全面贯彻落实党的二十大精神的开局之年"]);
    expect(diff.filter((d) => d.kind === "equal").map((d) => d.text)).toEqual(["，做好法治政府建设工作具有重大意义。"]);
  });

  it("matches the pieces of a paragraph split by a paste to their source instead of calling them new", () => {
    const last = doc([["shortcomings", [A + B]]]);
    const pasted = "复制来的一句话。";
    const result = compareWithLastYear(doc([["shortcomings", [A + pasted, B]]]), last);
    expect(result.paragraphs.map((p) => [p.status, p.split, p.lastYearPath])).toEqual([
      ["changed", true, [0, 1]],
      ["unchanged", true, [0, 1]],
    ]);
    // Each piece answers to its own stretch of last year's paragraph, not to the whole.
    expect(result.paragraphs[0]?.diff).toEqual([
      { kind: "equal", text: A },
      { kind: "insert", text: pasted.slice(0, -1) },
      { kind: "equal", text: "。" },
    ]);
    expect(result.paragraphs[1]?.diff).toEqual([{ kind: "equal", text: B }]);
    expect(result.parts[0]?.counts).toEqual({ new: 0, changed: 1, unchanged: 1, removed: 0 });
    expect(result.unchangedRatio).toBeCloseTo((A.length + 1 + B.length) / (A.length + pasted.length + B.length), 3);
  });
});
