import { buildExportModel } from "../../core/export-model/build-export-model";
import type { ExportBlock, ExportRun } from "../../core/export-model/export-model";
import type { Report } from "../../core/model/report";
import type { Template } from "../../core/model/template";

const runsText = (runs: readonly ExportRun[]): string => runs.map((r) => r.text).join("");

function blockMarkdown(block: ExportBlock): string[] {
  switch (block.kind) {
    case "title":
      return [`# ${block.text}`];
    case "heading":
      return [`${"#".repeat(block.level + 1)} ${runsText(block.runs)}`];
    case "paragraph":
      return [runsText(block.runs)];
    case "recipient":
    case "note":
      return [block.text];
    case "signature":
      return [block.org, block.date];
    case "table":
      return block.rows.map((row) => row.map((cell) => cell.runs.map(runsText).join(" ")).join(" | "));
    case "attachment":
      return [block.label, block.title, ...block.blocks.flatMap(blockMarkdown)];
    case "attachmentNote":
      return block.items;
    case "blankLine":
      return [];
  }
}

/**
 * The report as the Markdown a pandoc user would write: the same words our exports print (fields
 * resolved), headings as `#` lines. It feeds the Word-export peer and the clerk-style .docx.
 */
export function reportMarkdown(report: Report, template: Template): string {
  return `${buildExportModel(report, template).blocks.flatMap(blockMarkdown).join("\n\n")}\n`;
}
