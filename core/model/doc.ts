import { z } from "zod";
import { FieldId } from "./field";
import { PartId } from "./part-id";

/*
 * The body as ProseMirror/TipTap JSON. These schemas mirror the TipTap node definitions in
 * core/schema, so a document the editor emits validates here and the exporters can rely on it.
 */

export const RunInHeadingMark = z.object({
  type: z.literal("runInHeading"),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
});
export const BoldMark = z.object({ type: z.literal("bold") });
export const Mark = z.discriminatedUnion("type", [RunInHeadingMark, BoldMark]);
export type Mark = z.infer<typeof Mark>;

export const TextNode = z.object({
  type: z.literal("text"),
  text: z.string().min(1),
  marks: z.array(Mark).optional(),
});
export type TextNode = z.infer<typeof TextNode>;

/** An inline atom that shows a field's value (or, with show "yoy", its computed YoY wording). */
export const FieldNode = z.object({
  type: z.literal("reportField"),
  attrs: z.object({
    fieldId: FieldId,
    show: z.enum(["value", "yoy"]).default("value"),
  }),
});
export type FieldNode = z.infer<typeof FieldNode>;

export const HardBreakNode = z.object({ type: z.literal("hardBreak") });

export const InlineNode = z.discriminatedUnion("type", [TextNode, FieldNode, HardBreakNode]);
export type InlineNode = z.infer<typeof InlineNode>;

export const ParagraphNode = z.object({
  type: z.literal("paragraph"),
  attrs: z
    .object({
      /** Carried over from last year's report and not yet reviewed by the author. */
      carried: z.boolean().default(false),
    })
    .default({ carried: false }),
  content: z.array(InlineNode).optional(),
});
export type ParagraphNode = z.infer<typeof ParagraphNode>;

export const HeadingLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type HeadingLevel = z.infer<typeof HeadingLevel>;

/** Heading text keeps the numbering the author typed ("一、", "（一）", "1.", "（1）"). */
export const HeadingNode = z.object({
  type: z.literal("heading"),
  attrs: z.object({ level: HeadingLevel, carried: z.boolean().default(false) }),
  content: z.array(InlineNode).optional(),
});
export type HeadingNode = z.infer<typeof HeadingNode>;

const CellAttrs = z
  .object({
    colspan: z.number().int().min(1).max(64).default(1),
    rowspan: z.number().int().min(1).max(1000).default(1),
    colwidth: z.array(z.number()).nullable().default(null),
  })
  .default({ colspan: 1, rowspan: 1, colwidth: null });

export const TableCellNode = z.object({
  type: z.enum(["tableCell", "tableHeader"]),
  attrs: CellAttrs,
  content: z.array(ParagraphNode).min(1),
});
export type TableCellNode = z.infer<typeof TableCellNode>;

export const TableRowNode = z.object({
  type: z.literal("tableRow"),
  content: z.array(TableCellNode).min(1),
});
export type TableRowNode = z.infer<typeof TableRowNode>;

export const TableNode = z.object({
  type: z.literal("table"),
  content: z.array(TableRowNode).min(1),
});
export type TableNode = z.infer<typeof TableNode>;

export const BlockNode = z.discriminatedUnion("type", [HeadingNode, ParagraphNode, TableNode]);
export type BlockNode = z.infer<typeof BlockNode>;

/**
 * One statutory part: its level-1 heading, then its subsections and text. `partId` is null for
 * a level-1 section the author added that maps to no statutory item.
 */
export const PartNode = z.object({
  type: z.literal("part"),
  attrs: z.object({ partId: PartId.nullable() }),
  content: z
    .array(BlockNode)
    .min(1)
    .refine((blocks) => blocks[0]?.type === "heading" && blocks[0].attrs.level === 1, {
      message: "每个部分须以一级标题开头 (a part must start with a level-1 heading)",
    }),
});
export type PartNode = z.infer<typeof PartNode>;

/** Opening paragraphs (before 一、) come first, then the parts. */
export const DocNode = z.object({
  type: z.literal("doc"),
  content: z.array(z.discriminatedUnion("type", [ParagraphNode, TableNode, PartNode])).refine(
    (nodes) => {
      const firstPart = nodes.findIndex((n) => n.type === "part");
      return firstPart === -1 || nodes.slice(firstPart).every((n) => n.type === "part");
    },
    { message: "开头段落须位于各部分之前 (opening paragraphs must precede the parts)" },
  ),
});
export type DocNode = z.infer<typeof DocNode>;
