import { z } from "zod";
import { DocNode } from "./doc";
import { Field, FieldId } from "./field";
import { LayoutProfile } from "./layout-profile";
import { Workflow } from "./workflow";

/** Bump on every incompatible change and add a step to core/model/migrate-report.ts. */
export const SCHEMA_VERSION = 1;

export const IsoDate = z.iso.date();

export const ReportYear = z.number().int().min(1990).max(2200);

export const ReportMeta = z.object({
  title: z.string().max(200),
  /** 主送机关; most 法治政府 reports have none. */
  recipient: z.string().max(200).nullable().default(null),
  /** 发文机关署名 as it appears in the 落款. */
  org: z.string().min(1).max(100),
  reportYear: ReportYear,
  /** 成文日期; optional until 签发 fills it. */
  date: IsoDate.nullable().default(null),
  /** 发文字号, e.g. 木政发〔2024〕3号. */
  docNumber: z.string().max(100).nullable().default(null),
  /** 签发人 (GB/T 9704 7.2.6, required on a 上行文 such as a 报告); filled at 签发. */
  issuer: z.string().max(100).nullable().default(null),
  profile: LayoutProfile.default(LayoutProfile.parse({})),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const TemplateRef = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
});
export type TemplateRef = z.infer<typeof TemplateRef>;

/** Last year's report as it was, for comparison, YoY and the plans→results checklist. */
export const LastYearSnapshot = z.object({
  meta: ReportMeta,
  body: DocNode,
  fields: z.record(FieldId, Field),
});
export type LastYearSnapshot = z.infer<typeof LastYearSnapshot>;

/**
 * What an approval covers: everything a reader of the document sees or that feeds what they see
 * (last year's values drive the YoY wording). The workflow, history and timestamps are not content.
 */
export const ReportContent = z.object({
  id: z.string().min(8).max(64),
  template: TemplateRef,
  meta: ReportMeta,
  body: DocNode,
  fields: z.record(FieldId, Field),
  lastYear: LastYearSnapshot.nullable().default(null),
});
export type ReportContent = z.infer<typeof ReportContent>;

/** An approved revision, kept read-only once `revise` has started the next one. */
export const FrozenRevision = z.object({
  revision: z.number().int().min(1),
  state: z.enum(["approved", "published"]),
  /** SHA-256 (hex) of the canonical content, as recorded by the approve event. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  approvedBy: z.string().max(100),
  approvedAt: z.iso.datetime({ offset: true }),
  content: ReportContent,
});
export type FrozenRevision = z.infer<typeof FrozenRevision>;

export const Report = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    ...ReportContent.shape,
    workflow: Workflow.default(Workflow.parse({})),
    /** Earlier approved revisions, oldest first. Append-only, like the workflow events. */
    revisions: z.array(FrozenRevision).default([]),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((report, ctx) => {
    for (const [key, field] of Object.entries(report.fields)) {
      if (key !== field.id) {
        ctx.addIssue({ code: "custom", path: ["fields", key], message: `字段键与编号不一致 (key ${key} ≠ id ${field.id})` });
      }
    }
  });
export type Report = z.infer<typeof Report>;
export type ReportInput = z.input<typeof Report>;
