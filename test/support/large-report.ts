import type { BlockNode, DocNode, PartNode } from "../../core/model/doc";
import type { FieldInput } from "../../core/model/field";
import type { Report } from "../../core/model/report";
import { buildReport, heading, paragraph, readFixtureMarkdown } from "./report-from-markdown";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/**
 * A long report made from the fixture's own sentences (deterministic, no randomness): parts with
 * standalone level-1/2 headings, run-in level-2/3 headings and field atoms, about
 * `pages` pages long.
 */
export function largeReport(pages: number): Report {
  const sentences = readFixtureMarkdown()
    .split("\n")
    .filter((l) => l.length > 60 && !l.startsWith("#"))
    .join("")
    .split("。")
    .filter((s) => s.length > 8)
    .map((s) => `${s}。`);
  // About 560 characters a page: 22 lines of 28, less headings and indents.
  const target = pages * 560;
  let written = 0;
  let cursor = 0;
  const take = (n: number): string => {
    let text = "";
    for (let i = 0; i < n; i++) text += sentences[cursor++ % sentences.length] ?? "";
    written += text.length;
    return text;
  };
  const fields: Record<string, FieldInput> = {
    cases: {
      id: "cases",
      label: "受理审批服务事项",
      kind: "count",
      value: "360000",
      unit: "件",
      scale: "万",
      qualifier: "超",
      status: "confirmed",
    },
    rate: { id: "rate", label: "结案率", kind: "percent", value: "93.26", unit: "%", decimals: 2, status: "confirmed" },
  };
  const parts: PartNode[] = [];
  for (let p = 0; written < target; p++) {
    const blocks: BlockNode[] = [heading(1, `${NUMERALS[p % 10]}、第${p + 1}部分推进法治政府建设情况`)];
    for (let s = 0; s < 4 && written < target; s++) {
      blocks.push(heading(2, `（${NUMERALS[s]}）第${s + 1}方面工作情况`));
      blocks.push(
        paragraph([
          { type: "text", text: "1.加强组织领导。", marks: [{ type: "runInHeading", attrs: { level: 3 } }] },
          { type: "text", text: `全年共受理各类审批服务事项` },
          { type: "reportField", attrs: { fieldId: "cases", show: "value" } },
          { type: "text", text: `，结案率` },
          { type: "reportField", attrs: { fieldId: "rate", show: "value" } },
          { type: "text", text: `。${take(3)}` },
        ]),
      );
      blocks.push(
        paragraph([
          { type: "text", text: "（一）健全工作机制。", marks: [{ type: "runInHeading", attrs: { level: 2 } }] },
          { type: "text", text: take(5) },
        ]),
      );
      blocks.push(paragraph([{ type: "text", text: take(6) }]));
    }
    parts.push({ type: "part", attrs: { partId: null }, content: blocks });
  }
  const body: DocNode = { type: "doc", content: [paragraph([{ type: "text", text: take(4) }]), ...parts] };
  return buildReport({
    title: "2023年度木渎镇法治政府建设工作报告",
    org: "吴中区木渎镇人民政府",
    date: "2024-01-17",
    body,
    fields,
    note: "（联系人：张三，联系电话：0512-12345678）",
  });
}
