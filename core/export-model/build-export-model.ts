import type { BlockNode, DocNode, HeadingLevel, InlineNode, TableNode } from "../model/doc";
import type { LayoutProfile } from "../model/layout-profile";
import type { Report } from "../model/report";
import type { Template } from "../model/template";
import { issuingOrg, reportTitle } from "../model/issuing-org";
import { UNDATED_PLACEHOLDER, formatChineseDate } from "../text/chinese-date";
import type { ExportBlock, ExportCell, ExportModel, ExportRun } from "./export-model";
import type { FontRole } from "./font-roles";
import { resolveFieldText } from "./resolve-field-text";
import { signatureIndents } from "./signature-layout";
import { fillTemplateText } from "../model/template-text";

export interface BuildExportOptions {
  /** Overrides the profile stored with the report (CLI --profile). */
  profile?: LayoutProfile;
}

/**
 * The report as the page will show it: title, 主送机关, body, 附件说明, 落款, 附注, 附件. Title and
 * 发文机关 are the report's own; when missing their lines stay empty (check: TITLE-EMPTY, ORG-EMPTY).
 */
export function buildExportModel(report: Report, template: Template, options: BuildExportOptions = {}): ExportModel {
  const profile = options.profile ?? report.meta.profile;
  const warnings: string[] = [];
  const ctx: Ctx = { report, template, profile, warnings };
  const meta = report.meta;
  const blocks: ExportBlock[] = [{ kind: "title", text: reportTitle(meta) ?? "" }];
  // 7.3.2 puts the 主送机关 "标题下空一行"; the body follows the 主送机关 on the next line (7.3.3).
  // Without a 主送机关 the body takes the line below the title, so page 1 holds 22 lines like
  // every other page.
  if (meta.recipient !== null && meta.recipient.trim() !== "")
    blocks.push({ kind: "blankLine" }, { kind: "recipient", text: meta.recipient });
  blocks.push(...docBlocks(report.body, ctx));

  if (meta.attachments.length > 0) {
    blocks.push({ kind: "blankLine" });
    blocks.push({
      kind: "attachmentNote",
      items: meta.attachments.length === 1 ? [meta.attachments[0]?.title ?? ""] : meta.attachments.map((a, i) => `${i + 1}.${a.title}`),
    });
  }

  const date = meta.date === null ? UNDATED_PLACEHOLDER : formatChineseDate(meta.date);
  if (meta.date === null && meta.signatureBlock !== false) warnings.push("尚未填写成文日期，落款日期留空");
  const org = issuingOrg(meta) ?? "";
  if (org === "" && meta.signatureBlock !== false) warnings.push("尚未填写发文机关，落款处留空");
  // A report published as a web article (信息公开年报) may go without a 落款.
  if (meta.signatureBlock !== false) {
    const indents = signatureIndents(org, date, profile.closing);
    for (let i = 0; i < indents.blankLinesBefore; i++) blocks.push({ kind: "blankLine" });
    blocks.push({
      kind: "signature",
      org,
      date,
      datePlaceholder: meta.date === null,
      orgRightIndentChars: indents.orgRightIndentChars,
      dateRightIndentChars: indents.dateRightIndentChars,
    });
  }
  if (meta.note !== null && meta.note.trim() !== "") blocks.push({ kind: "note", text: meta.note });

  meta.attachments.forEach((attachment, index) => {
    blocks.push({
      kind: "attachment",
      label: meta.attachments.length === 1 ? "附件" : `附件${index + 1}`,
      title: attachment.title,
      blocks: docBlocks(attachment.body, ctx),
    });
  });
  const subject = fillTemplateText(template.subject ?? "{year}年度法治政府建设情况报告", { year: meta.reportYear, org });
  const info = { title: reportTitle(meta) ?? "", subject, creator: org };
  return { profile, info, blocks, warnings };
}

interface Ctx {
  report: Report;
  template: Template;
  profile: LayoutProfile;
  warnings: string[];
}

function docBlocks(doc: DocNode, ctx: Ctx): ExportBlock[] {
  const out: ExportBlock[] = [];
  for (const node of doc.content) {
    if (node.type === "part") for (const block of node.content) pushBlock(out, block, ctx);
    else pushBlock(out, node, ctx);
  }
  return out;
}

function pushBlock(out: ExportBlock[], block: BlockNode, ctx: Ctx): void {
  if (block.type === "table") {
    const statutory = statutoryTable(block, ctx);
    out.push({
      kind: "table",
      rows: tableRows(block, ctx),
      ...(statutory === undefined ? {} : { headerRows: statutory.headerRows, compact: true }),
      ...(statutory?.columnWeights === undefined ? {} : { columnWeights: statutory.columnWeights }),
    });
    return;
  }
  if (block.type === "heading") {
    const level = block.attrs.level;
    const runs = inlineRuns(block.content ?? [], { font: headingFont(level), bold: headingBold(level, ctx.profile) }, ctx);
    if (hasText(runs)) out.push({ kind: "heading", level, runs });
    return;
  }
  const runs = inlineRuns(block.content ?? [], { font: "body", bold: false }, ctx);
  // Empty paragraphs are the editor's placeholders; printed they would break the line grid.
  if (hasText(runs)) out.push({ kind: "paragraph", runs });
}

function tableRows(table: TableNode, ctx: Ctx): ExportCell[][] {
  return table.content.map((row) =>
    row.content.map((cell) => {
      const inline = cell.content.flatMap((p) => p.content ?? []);
      const numeric =
        inline.length > 0 && inline.every((n) => n.type === "reportField" && ctx.report.fields[n.attrs.fieldId]?.cell !== undefined);
      return {
        header: cell.type === "tableHeader",
        colspan: cell.attrs.colspan,
        rowspan: cell.attrs.rowspan,
        runs: cell.content.map((p) => inlineRuns(p.content ?? [], { font: "body", bold: cell.type === "tableHeader" }, ctx)),
        ...(numeric ? { numeric: true } : {}),
      };
    }),
  );
}

/** The template table a body table was made from, known by the cell fields it holds. */
function statutoryTable(table: TableNode, ctx: Ctx): Template["tables"][number] | undefined {
  for (const row of table.content)
    for (const cell of row.content)
      for (const p of cell.content)
        for (const n of p.content ?? []) {
          if (n.type !== "reportField") continue;
          const id = ctx.report.fields[n.attrs.fieldId]?.cell?.table;
          if (id !== undefined) return ctx.template.tables.find((t) => t.id === id);
        }
  return undefined;
}

function headingFont(level: HeadingLevel): FontRole {
  if (level === 1) return "heading1";
  if (level === 2) return "heading2";
  return "body";
}

function headingBold(level: HeadingLevel, profile: LayoutProfile): boolean {
  return (level === 2 && profile.boldLevel2) || (level === 3 && profile.boldLevel3);
}

function inlineRuns(nodes: InlineNode[], base: { font: FontRole; bold: boolean }, ctx: Ctx): ExportRun[] {
  const runs: ExportRun[] = [];
  const push = (text: string, font: FontRole, bold: boolean, placeholder = false): void => {
    const last = runs[runs.length - 1];
    if (
      last !== undefined &&
      last.font === font &&
      last.bold === bold &&
      !last.placeholder &&
      !placeholder &&
      !text.includes("\n") &&
      !last.text.endsWith("\n")
    )
      last.text += text;
    else runs.push({ text, font, bold, placeholder });
  };
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      push("\n", base.font, base.bold);
    } else if (node.type === "reportField") {
      const resolved = resolveFieldText(ctx.report, node.attrs, ctx.profile);
      if (!resolved.ok) ctx.warnings.push(resolved.problem);
      push(resolved.text, base.font, base.bold, !resolved.ok);
    } else {
      const runIn = node.marks?.find((m) => m.type === "runInHeading");
      const bold = node.marks?.some((m) => m.type === "bold") === true;
      if (runIn !== undefined && runIn.type === "runInHeading") {
        const level = runIn.attrs.level;
        push(node.text, headingFont(level), headingBold(level, ctx.profile) || bold);
      } else {
        push(node.text, base.font, base.bold || bold);
      }
    }
  }
  return runs;
}

function hasText(runs: ExportRun[]): boolean {
  return runs.some((r) => r.text.trim() !== "");
}
