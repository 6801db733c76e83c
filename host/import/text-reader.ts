import type { SourceBlockInput } from "../../core/import/source-block";
import { InputBudget } from "./input-budget";

/**
 * Plain text and Markdown as source blocks: one paragraph per line (paragraphs broken
 * mid-sentence are rejoined by recognition), Markdown heading depth kept only as a hint because
 * real files mix it up, emphasis marks and list bullets removed, pipe tables read as tables.
 */
export function readTextBlocks(text: string, markdown: boolean, budget: InputBudget = new InputBudget("文本")): SourceBlockInput[] {
  const blocks: SourceBlockInput[] = [];
  let table: string[][] | null = null;
  const endTable = (): void => {
    if (table !== null && table.length > 0) blocks.push({ type: "table", rows: table });
    table = null;
  };
  const lines = text.replace(/\r\n?/gu, "\n").split("\n");
  lines.forEach((raw, index) => {
    // Empty lines too: a million of them would still make a million blocks.
    budget.paragraph(raw.length);
    // A table copied from a web page or Word into Notepad: one row a line, cells split by tabs.
    if (!markdown && isTabRow(raw) && (table !== null || isTabRow(lines[index + 1] ?? ""))) {
      table ??= [];
      table.push(raw.split("\t").map((c) => c.trim()));
      return;
    }
    if (markdown && /^\s*\|.*\|\s*$/u.test(raw)) {
      const cells = raw
        .trim()
        .slice(1, -1)
        .split("|")
        .map((c) => stripInline(c.trim()));
      if (cells.every((c) => /^:?-{2,}:?$/u.test(c))) return;
      table ??= [];
      table.push(cells);
      return;
    }
    endTable();
    if (!markdown) {
      blocks.push({ type: "paragraph", text: raw });
      return;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/u.exec(raw);
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      blocks.push({ type: "paragraph", text: stripInline(heading[2]), markdownLevel: heading[1].length });
      return;
    }
    const body = raw.replace(/^\s{0,3}(?:>\s?)+/u, "").replace(/^\s{0,3}[-*+]\s+(?=\S)/u, "");
    if (/^\s*(?:[-*_]\s*){3,}$/u.test(body)) return;
    blocks.push({ type: "paragraph", text: stripInline(body) });
  });
  endTable();
  return blocks;
}

/** A line of tab-separated cells; a tab only at the start is a paragraph's indent. */
function isTabRow(line: string): boolean {
  return line.trimStart().includes("\t");
}

function stripInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/(\*\*|__)(.+?)\1/gu, "$2")
    .replace(/(?<![\p{L}\p{N}])[*_](\S.*?)[*_](?![\p{L}\p{N}])/gu, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/gu, "$1");
}
