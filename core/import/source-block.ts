import { z } from "zod";

/*
 * The format-neutral input of recognition: what the .docx, .txt and .md readers in host/import
 * produce. Formatting is optional because plain text has none; recognition falls back to the
 * numbering and the wording when it is missing.
 */

export const SourceRun = z.object({
  text: z.string(),
  /** East Asian font after style inheritance (黑体, 仿宋_GB2312, …); null when unknown. */
  font: z.string().nullable(),
  /** Size in points. */
  size: z.number().positive().nullable(),
  bold: z.boolean(),
});
export type SourceRun = z.infer<typeof SourceRun>;

export const SourceParagraph = z.object({
  type: z.literal("paragraph"),
  /** The text with soft line breaks as "\n". */
  text: z.string(),
  runs: z.array(SourceRun).nullable().default(null),
  align: z.enum(["left", "center", "right", "justify"]).nullable().default(null),
  /** 0-based outline level from Word (w:outlineLvl or a Heading style), null when none. */
  outlineLevel: z.number().int().min(0).max(9).nullable().default(null),
  /** Markdown heading depth (# = 1), null for other formats. Often inconsistent in real files. */
  markdownLevel: z.number().int().min(1).max(6).nullable().default(null),
  styleName: z.string().nullable().default(null),
});
export type SourceParagraph = z.infer<typeof SourceParagraph>;
export type SourceParagraphInput = z.input<typeof SourceParagraph>;

export const SourceTable = z.object({
  type: z.literal("table"),
  /** Cell texts row by row; a cell's paragraphs joined with "\n". */
  rows: z.array(z.array(z.string())),
});
export type SourceTable = z.infer<typeof SourceTable>;

export const SourceBlock = z.discriminatedUnion("type", [SourceParagraph, SourceTable]);
export type SourceBlock = z.infer<typeof SourceBlock>;
export type SourceBlockInput = z.input<typeof SourceBlock>;
