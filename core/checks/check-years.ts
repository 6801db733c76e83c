import type { CheckContext } from "./check-context";
import { excerpt } from "./check-fields";
import { at, type Finding } from "./finding";
import { pieceAt } from "./report-blocks";

/** Words before a year that make it a comparison or a starting point: 较2023年, 自2023年, 截至2023年底. */
const COMPARISON_BEFORE = /(较|比|与|同|和|跟|自|从|截至|截止|相较于?|相比于?|对比|对照|高于|低于|多于|少于|超过|继|延续)\s*$/;
/** Words after a year that make it a comparison or a span: 2023年以来, 2023年同期, 2023年相比. */
const COMPARISON_AFTER = /^(以来|来|同期|相比|比较|的基础上|基础上|水平|同比|[—–\-~～至到]\s*\d{4})/;

/**
 * The previous report year where the current one belongs: "2023年是…开局之年" left in a 2024
 * report by roll-forward. Comparisons ("较2023年", "2023年以来"), spans and quoted document
 * names are left alone; the title must name the report year.
 */
export function checkYears({ report, blocks }: CheckContext): Finding[] {
  const year = report.meta.reportYear;
  const previous = String(year - 1);
  const findings: Finding[] = [];
  const yearToken = new RegExp(`(?<!\\d)${previous}(?=\\s*年)(?:\\s*年度?)`, "g");
  for (const block of blocks) {
    const text = block.text;
    for (const m of text.matchAll(yearToken)) {
      const start = m.index;
      const end = start + m[0].length;
      if (COMPARISON_BEFORE.test(text.slice(Math.max(0, start - 6), start))) continue;
      if (COMPARISON_AFTER.test(text.slice(end))) continue;
      if (/\d{4}\s*[—–\-~～至到]\s*$/.test(text.slice(Math.max(0, start - 6), start))) continue;
      if (insideDocumentName(text, start)) continue;
      const piece = pieceAt(block, start);
      findings.push({
        id: "YEAR-STALE",
        severity: "warning",
        message: `${year}年度报告中出现“${m[0].trim()}”，疑为上年内容未更新：“${excerpt(sentenceAround(text, start), 40)}”`,
        location: at(block.part, piece?.piece.path ?? block.path),
      });
    }
  }
  // An empty title is TITLE-EMPTY's (check-meta.ts), not a missing year.
  if (report.meta.title.trim() !== "" && !report.meta.title.includes(String(year))) {
    findings.push({
      id: "TITLE-YEAR",
      severity: report.meta.title.includes(previous) ? "error" : "warning",
      message: `标题“${report.meta.title}”未写明报告年度 ${year}年`,
      location: at(null, ["meta", "title"]),
    });
  }
  return findings;
}

function insideDocumentName(text: string, offset: number): boolean {
  const open = text.lastIndexOf("《", offset);
  return open !== -1 && text.lastIndexOf("》", offset) < open && text.indexOf("》", offset) !== -1;
}

function sentenceAround(text: string, offset: number): string {
  const starts = Math.max(...["。", "；", "！", "？", "\n"].map((p) => text.lastIndexOf(p, offset - 1))) + 1;
  const ends = [...["。", "；", "！", "？", "\n"].map((p) => text.indexOf(p, offset)).filter((i) => i !== -1), text.length];
  return text.slice(starts, Math.min(...ends) + 1);
}
