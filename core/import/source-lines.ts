import type { SourceBlock, SourceParagraph, SourceRun } from "./source-block";

/** One non-empty line of the source with the formatting recognition looks at. */
export interface SourceLine {
  type: "line";
  text: string;
  /** Font of most of the line's characters; null for plain text. */
  font: string | null;
  size: number | null;
  /** All visible characters bold. */
  bold: boolean;
  /** Characters of the leading run that shares the first run's font and weight. */
  leadLength: number;
  leadFont: string | null;
  leadBold: boolean;
  align: SourceParagraph["align"];
  outlineLevel: number | null;
  markdownLevel: number | null;
  styleName: string | null;
}

export interface SourceTableItem {
  type: "table";
  rows: string[][];
}

export type SourceItem = SourceLine | SourceTableItem;

/** Web-page furniture that pasted text often drags along (来源：… 浏览次数：… 【打印】). */
const WEB_CHROME =
  /^(来源|信息来源|发布时间|发布日期|发布机构|浏览次数|点击数|阅读次数|访问量|字号|字体|【|索引号|主题分类|文号|分享到|打印本页|关闭窗口|扫一扫|无障碍|当前位置|您当前的位置|首页\s*[>＞]|网站地图|政府信息公开|【政策解读】)|浏览次数|【打印】|【关闭】|简体\s*\|\s*繁体|星期[一二三四五六日天]$/u;

/**
 * Splits paragraphs at soft line breaks (clerks use Shift+Enter as a paragraph break; a break in
 * mid-sentence is rejoined later), trims full-width indentation and drops empty lines.
 */
export function toSourceLines(blocks: readonly SourceBlock[]): SourceItem[] {
  const items: SourceItem[] = [];
  for (const block of blocks) {
    if (block.type === "table") {
      const rows = block.rows.map((row) => row.map((cell) => cell.trim())).filter((row) => row.some((cell) => cell !== ""));
      if (rows.length > 0) items.push({ type: "table", rows });
      continue;
    }
    for (const piece of splitParagraph(block)) {
      let text = trimLine(piece.text);
      let source = block;
      // Markdown pasted into Word or a .txt keeps its marks; they are hints, not text.
      const marks = /^(#{1,6})\s+/u.exec(text);
      if (marks?.[1] !== undefined && block.markdownLevel === null) {
        text = text.slice(marks[0].length);
        source = { ...block, markdownLevel: marks[1].length };
      }
      if (text === "" || (text.length <= 80 && WEB_CHROME.test(text))) continue;
      items.push(describe(text, piece.runs, source));
    }
  }
  return items;
}

/** String.prototype.trim also removes the ideographic space (U+3000) and the BOM. */
export function trimLine(text: string): string {
  return text.trim();
}

/**
 * Text scraped from some sites arrives as one long paragraph with the headings inline
 * ("…保障。二、存在的不足…"). A 一、 or （一） right after a full stop starts a new line there.
 */
const INLINE_HEADING = /(?<=[。！？!?])\s*(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/u;

/** A title glued to the first sentence: "…关于2023年度法治政府建设情况的报告2023年，…". */
const GLUED_TITLE = /^([^，。,：:]{6,60}?(?:的报告|年度报告|情况报告|工作报告|工作总结))(?=\S)/u;

function splitScraped(line: string): string[] {
  if (line.length <= 200) return [line];
  const title = GLUED_TITLE.exec(line)?.[1];
  const rest = title === undefined ? line : line.slice(title.length);
  return [...(title === undefined ? [] : [title]), ...rest.split(INLINE_HEADING)];
}

function splitParagraph(p: SourceParagraph): { text: string; runs: SourceRun[] | null }[] {
  if (p.runs === null)
    return p.text
      .split("\n")
      .flatMap(splitScraped)
      .map((text) => ({ text, runs: null }));
  if (!p.text.includes("\n")) return [{ text: p.text, runs: p.runs }];
  const pieces: { text: string; runs: SourceRun[] }[] = [{ text: "", runs: [] }];
  for (const run of p.runs) {
    run.text.split("\n").forEach((part, i) => {
      if (i > 0) pieces.push({ text: "", runs: [] });
      const current = pieces[pieces.length - 1];
      if (current && part !== "") {
        current.text += part;
        current.runs.push({ ...run, text: part });
      }
    });
  }
  return pieces;
}

function describe(text: string, runs: SourceRun[] | null, p: SourceParagraph): SourceLine {
  const line: SourceLine = {
    type: "line",
    text,
    font: null,
    size: null,
    bold: false,
    leadLength: 0,
    leadFont: null,
    leadBold: false,
    align: p.align,
    outlineLevel: p.outlineLevel,
    markdownLevel: p.markdownLevel,
    styleName: p.styleName,
  };
  const visible = (runs ?? []).filter((r) => r.text.trim() !== "");
  const first = visible[0];
  if (!first) return line;
  const weight = new Map<string, number>();
  const sizes = new Map<number, number>();
  let boldChars = 0;
  let total = 0;
  for (const run of visible) {
    const n = run.text.replace(/\s/gu, "").length;
    total += n;
    if (run.bold) boldChars += n;
    if (run.font !== null) weight.set(run.font, (weight.get(run.font) ?? 0) + n);
    if (run.size !== null) sizes.set(run.size, (sizes.get(run.size) ?? 0) + n);
  }
  let lead = 0;
  for (const run of visible) {
    if (run.font !== first.font || run.bold !== first.bold) break;
    lead += run.text.length;
  }
  const joined = visible.map((r) => r.text).join("");
  const leadingSpace = joined.length - trimLine(joined).length - (joined.length - joined.trimEnd().length);
  return {
    ...line,
    font: heaviest(weight),
    size: heaviest(sizes),
    bold: total > 0 && boldChars === total,
    leadLength: Math.max(0, lead - leadingSpace),
    leadFont: first.font,
    leadBold: first.bold,
  };
}

function heaviest<K>(weights: Map<K, number>): K | null {
  let best: K | null = null;
  let bestWeight = -1;
  for (const [key, w] of weights) {
    if (w > bestWeight) {
      best = key;
      bestWeight = w;
    }
  }
  return best;
}
