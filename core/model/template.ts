import { z } from "zod";
import { FieldKind } from "./field";
import { PartId } from "./part-id";

/** Placeholders a heading may contain: {year} is the report year, {nextYear} the one after. */
const HeadingText = z.string().min(1).max(200);

export const TemplateSubsection = z.object({
  id: z.string().regex(/^[a-z][A-Za-z0-9-]*$/),
  heading: HeadingText,
  guidance: z.string().min(1),
});
export type TemplateSubsection = z.infer<typeof TemplateSubsection>;

export const TemplatePart = z.object({
  id: PartId,
  /** Canonical heading without its numbering; numbering is added by position (一、二、…). */
  heading: HeadingText,
  /** Headings real reports use for this part, matched tolerantly on import. */
  variants: z.array(z.string().min(1)).min(1),
  required: z.boolean(),
  guidance: z.string().min(1),
  subsections: z.array(TemplateSubsection).default([]),
});
export type TemplatePart = z.infer<typeof TemplatePart>;

export const TemplateIndicator = z.object({
  label: z.string().min(1),
  kind: FieldKind,
  unit: z.string().nullable(),
  part: PartId,
});
export type TemplateIndicator = z.infer<typeof TemplateIndicator>;

const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const Template = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    name: z.string().min(1),
    title: HeadingText,
    basis: z.string().min(1),
    deadlines: z.object({
      /** 报送 and 公开 dates, in the year after the report year. */
      submit: MonthDay,
      publish: MonthDay,
    }),
    parts: z.array(TemplatePart).min(1),
    indicators: z.array(TemplateIndicator).default([]),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    template.parts.forEach((part, index) => {
      if (seen.has(part.id)) {
        ctx.addIssue({ code: "custom", path: ["parts", index, "id"], message: `部分编号重复：${part.id} (duplicate part id)` });
      }
      seen.add(part.id);
    });
  });
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;
