import { pathToFileURL } from "node:url";
import type { ExportBlock, ExportModel, ExportRun } from "../../core/export-model/export-model";
import { keepTogether } from "../../core/export-model/keep-together";
import { pageGeometry } from "../../core/export-model/page-geometry";
import type { ResolvedFont } from "../fonts/resolve-fonts";

export interface PrintHtmlOptions {
  /** Absolute path of the template's print.css. */
  cssPath: string;
  fonts: ResolvedFont[];
}

/**
 * The print page for Chromium: the same markup serves the PDF and the app's paged preview. Fonts
 * are bound by file URL, so the page must itself be loaded from file:// (stack-notes §7).
 */
export function renderPrintHtml(model: ExportModel, options: PrintHtmlOptions): string {
  const geo = pageGeometry(model.profile);
  const m = geo.marginMm;
  const faces = options.fonts
    .map(
      (f) =>
        `@font-face { font-family: "NB ${f.role}"; src: url("${pathToFileURL(f.file).href}");${f.role === "latin" ? " unicode-range: U+0020-007E;" : ""} }`,
    )
    .join("\n");
  const hasLatin = options.fonts.some((f) => f.role === "latin");
  const style = [
    `@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`,
    faces,
    `.gw { --nb-letter-spacing: ${geo.cssLetterSpacingPt.toFixed(4)}pt; --nb-latin: ${hasLatin ? '"NB latin"' : '"NB none"'}; }`,
  ].join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(titleOf(model))}</title>
<link rel="stylesheet" href="${pathToFileURL(options.cssPath).href}">
<style>
${style}
</style>
</head>
<body>
<main class="gw">
${renderBlocks(model.blocks)}
</main>
</body>
</html>
`;
}

function titleOf(model: ExportModel): string {
  const title = model.blocks.find((b) => b.kind === "title");
  return title?.kind === "title" ? title.text : "";
}

/** The blocks, those that keep with their successor (keep-together.ts) marked for print.css. */
function renderBlocks(blocks: readonly ExportBlock[]): string {
  const keeps = keepTogether(blocks);
  return blocks
    .map((block, index) => {
      const keep = keeps.get(index);
      const html = renderBlock(block);
      if (keep === undefined) return html;
      const cls = `keep${keep.twoLines ? " keep-lines" : ""}`;
      // Every paragraph of the block: a 落款's two lines, a 附件说明's items.
      return html
        .replace(/<p class="([^"]*)"/g, `<p class="$1 ${cls}"`)
        .replace(/<p>/g, `<p class="${cls}">`)
        .replace(/<p style=/g, `<p class="${cls}" style=`);
    })
    .join("\n");
}

function renderBlock(block: ExportBlock): string {
  switch (block.kind) {
    case "title":
      // No title: its line stays, empty (a line box, so it keeps its row and the keep rules hold).
      return `<p class="title">${block.text === "" ? "<br>" : escapeHtml(block.text).replaceAll("\n", "<br>")}</p>`;
    case "blankLine":
      // A line box, not an empty block: Chromium honours break-after: avoid only between blocks with lines.
      return `<p class="blank"><br></p>`;
    case "recipient":
      return `<p class="recipient">${escapeHtml(block.text)}</p>`;
    case "heading":
      return `<p class="h${block.level}" role="heading" aria-level="${block.level}">${renderRuns(block.runs)}</p>`;
    case "paragraph":
      return `<p>${renderRuns(block.runs)}</p>`;
    case "table": {
      const rows = block.rows.map(
        (row) =>
          `<tr>${row
            .map((cell) => {
              const tag = cell.header ? "th" : "td";
              const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ""}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ""}`;
              const numeric = cell.numeric === true ? ` class="num"` : "";
              return `<${tag}${span}${numeric}>${cell.runs.map((p) => `<p>${renderRuns(p)}</p>`).join("")}</${tag}>`;
            })
            .join("")}</tr>`,
      );
      // Header rows in <thead> repeat on every page the table runs onto, as in the .docx.
      const head = block.headerRows ?? 0;
      const thead = head > 0 ? `<thead>${rows.slice(0, head).join("")}</thead>` : "";
      const weights = block.columnWeights ?? [];
      const total = weights.reduce((a, b) => a + b, 0);
      const cols =
        weights.length === 0
          ? ""
          : `<colgroup>${weights.map((w) => `<col style="width: ${((100 * w) / total).toFixed(2)}%">`).join("")}</colgroup>`;
      return `<table${block.compact === true ? ` class="compact"` : ""}>${cols}${thead}${rows.slice(head).join("")}</table>`;
    }
    case "attachmentNote":
      return block.items
        .map((item, i) => `<p class="attachment-note${i === 0 ? " first" : ""}">${escapeHtml(i === 0 ? `附件：${item}` : item)}</p>`)
        .join("\n");
    case "signature":
      return [
        `<p class="signature org" style="padding-right: ${block.orgRightIndentChars}em">${block.org === "" ? "<br>" : escapeHtml(block.org)}</p>`,
        `<p class="signature" style="padding-right: ${block.dateRightIndentChars}em">${block.datePlaceholder ? `<span class="placeholder">${escapeHtml(block.date)}</span>` : escapeHtml(block.date)}</p>`,
      ].join("\n");
    case "note":
      return `<p class="note">${escapeHtml(block.text)}</p>`;
    case "attachment":
      return [
        `<section class="attachment">`,
        `<p class="attachment-label">${escapeHtml(block.label)}</p>`,
        `<p class="blank"><br></p>`,
        `<p class="title">${escapeHtml(block.title)}</p>`,
        `<p class="blank"><br></p>`,
        ...block.blocks.map(renderBlock),
        `</section>`,
      ].join("\n");
  }
}

function renderRuns(runs: ExportRun[]): string {
  const spaced = autospaceRanges(runs.map((r) => r.text).join(""));
  let offset = 0;
  return runs
    .map((run) => {
      const start = offset;
      offset += run.text.length;
      return `<span class="r-${run.font}${run.bold ? " bold" : ""}${run.placeholder ? " placeholder" : ""}">${autospaced(run.text, start, spaced)}</span>`;
    })
    .join("");
}

/** A run of Latin letters and digits with the marks that travel with them (93.26%, 2.6, A-1). */
const WESTERN = /[A-Za-z0-9](?:[A-Za-z0-9.%+\-/:,]*[A-Za-z0-9%])?/g;
const HAN = /\p{Script=Han}/u;
const ALNUM = /[A-Za-z0-9]/;

interface SpacedRange {
  start: number;
  end: number;
  before: boolean;
  after: boolean;
}

/**
 * Where a Latin/digit run meets Chinese text. LibreOffice always puts a gap there (its .docx import
 * ignores w:autoSpaceDE/DN), as Word and WPS do by default; Chromium's own text-autospace gap is
 * half as wide. The print page draws the same gap as a margin, so all renderings break lines alike.
 */
function autospaceRanges(text: string): SpacedRange[] {
  const ranges: SpacedRange[] = [];
  for (const m of text.matchAll(WESTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = HAN.test(text[start - 1] ?? "");
    const after = HAN.test(text[end] ?? "") && ALNUM.test(text[end - 1] ?? "");
    if (before || after) ranges.push({ start, end, before, after });
  }
  return ranges;
}

function autospaced(text: string, offset: number, ranges: SpacedRange[]): string {
  let html = "";
  let at = 0;
  for (const r of ranges) {
    const start = r.start - offset;
    const end = r.end - offset;
    if (end <= 0 || start >= text.length) continue;
    const from = Math.max(0, start);
    const to = Math.min(text.length, end);
    const cls = [r.before && start >= 0 ? "as-b" : "", r.after && end <= text.length ? "as-a" : ""].filter((c) => c !== "").join(" ");
    html += plain(text.slice(at, from));
    html += cls === "" ? plain(text.slice(from, to)) : `<span class="${cls}">${plain(text.slice(from, to))}</span>`;
    at = to;
  }
  return html + plain(text.slice(at));
}

function plain(text: string): string {
  return escapeHtml(text).replaceAll("\n", "<br>");
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}
