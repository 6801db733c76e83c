import { z } from "zod";
import { checkReport } from "../checks/check-report";
import { Finding } from "../checks/finding";
import { lastYearWording, wording } from "../compare/carried-wording";
import { inlineText } from "../doc/inline-text";
import type { DocNode } from "../model/doc";
import { PartId } from "../model/part-id";
import { LastYearSnapshot, Report } from "../model/report";
import { Template } from "../model/template";

/**
 * Everything the editor's side panels and status bar derive from the whole report (检查 findings,
 * the outline's progress per part, the character count): pure, so it can run off the main thread
 * (renderer/workers) while the clerk types.
 */
export const AnalysisInput = z.object({
  report: Report,
  template: Template,
  /** YYYY-MM-DD in the clerk's time zone; core has no clock. */
  today: z.iso.date(),
});
export type AnalysisInput = z.infer<typeof AnalysisInput>;

export const PartProgress = z.object({
  /** Index of the part among the body's top-level nodes. */
  index: z.number().int().min(0),
  partId: PartId.nullable(),
  heading: z.string(),
  /** Characters of body text under the part (headings excluded). */
  written: z.number().int().min(0),
  /**
   * Share of the part's paragraph text still worded exactly as a paragraph of last year's
   * (numbers in chips aside); null without a last-year report. Exact matches only: the full
   * comparison (上年对照) takes seconds on a long report, too slow to follow every edit.
   */
  lastYearShare: z.number().min(0).max(1).nullable(),
  /** Carried paragraphs nobody has rewritten or marked 已审阅. */
  unreviewed: z.number().int().min(0),
});
export type PartProgress = z.infer<typeof PartProgress>;

export const ChipRef = z.object({ fieldId: z.string(), show: z.enum(["value", "yoy"]) });
export type ChipRef = z.infer<typeof ChipRef>;

/** The text's own characters (no whitespace) and the chips in it, so a field edit recounts only the chips. */
export const BodyCount = z.object({ text: z.number().int().min(0), chips: z.array(ChipRef) });
export type BodyCount = z.infer<typeof BodyCount>;

export const ReportAnalysis = z.object({
  findings: z.array(Finding),
  parts: z.array(PartProgress),
  count: BodyCount,
});
export type ReportAnalysis = z.infer<typeof ReportAnalysis>;

/**
 * One message to the analysis worker; `seq` pairs the reply with its request. Last year's report
 * does not change while a report is open, so it crosses once: `lastYear.snapshot` is sent when
 * `lastYear.key` is new to the worker, and the report's own `lastYear` is then replaced by it.
 */
export const AnalysisRequest = AnalysisInput.extend({
  seq: z.number().int().min(0),
  lastYear: z.object({ key: z.number().int().min(0), snapshot: LastYearSnapshot.nullable().optional() }),
});
export type AnalysisRequest = z.infer<typeof AnalysisRequest>;

export const AnalysisReply = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), seq: z.number().int().min(0), analysis: ReportAnalysis }),
  z.object({ ok: z.literal(false), seq: z.number().int().min(0).nullable(), message: z.string() }),
]);
export type AnalysisReply = z.infer<typeof AnalysisReply>;

export function analyseReport(input: AnalysisInput): ReportAnalysis {
  const { report, template, today } = input;
  return {
    findings: checkReport(report, template, { today }),
    parts: partProgress(report.body, report.lastYear === null ? null : lastYearWording(report.lastYear.body)),
    count: bodyCount(report.body),
  };
}

export function partProgress(body: DocNode, lastWording: ReadonlySet<string> | null): PartProgress[] {
  const text = (content: Parameters<typeof inlineText>[0]) => inlineText(content, () => "0");
  const result: PartProgress[] = [];
  body.content.forEach((node, index) => {
    if (node.type !== "part") return;
    const [first, ...rest] = node.content;
    let written = 0;
    let unreviewed = 0;
    let total = 0;
    let same = 0;
    for (const block of rest) {
      if (block.type === "table") continue;
      const words = wording(block.content);
      const carriedOver = words !== "" && lastWording?.has(words) === true;
      if (block.attrs.carried && carriedOver) unreviewed++;
      if (block.type !== "paragraph") continue;
      written += text(block.content).trim().length;
      total += words.length;
      if (carriedOver) same += words.length;
    }
    result.push({
      index,
      partId: node.attrs.partId,
      heading: first?.type === "heading" ? text(first.content) : "",
      written,
      lastYearShare: lastWording === null ? null : total === 0 ? 0 : same / total,
      unreviewed,
    });
  });
  return result;
}

export function bodyCount(body: DocNode): BodyCount {
  const count: BodyCount = { text: 0, chips: [] };
  type Json = { type: string; text?: string; attrs?: Record<string, unknown>; content?: readonly Json[] };
  const visit = (node: Json): void => {
    if (node.type === "text") count.text += (node.text ?? "").replace(/\s/gu, "").length;
    else if (node.type === "reportField")
      count.chips.push({ fieldId: String(node.attrs?.["fieldId"] ?? ""), show: node.attrs?.["show"] === "yoy" ? "yoy" : "value" });
    for (const child of node.content ?? []) visit(child);
  };
  visit(body as Json);
  return count;
}
