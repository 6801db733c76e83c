import { z } from "zod";
import { DocNode } from "./doc";
import { Field, FieldId } from "./field";
import { LayoutProfile } from "./layout-profile";
import { SignatureRecord } from "./signature-record";
import { MonthDay } from "./template";
import { Workflow } from "./workflow";

/** Bump on every incompatible change and add a step to core/model/migrate-report.ts. */
export const SCHEMA_VERSION = 1;

export const IsoDate = z.iso.date();

export const ReportYear = z.number().int().min(1990).max(2200);

export const ReportAttachment = z.object({
  title: z.string().min(1).max(200),
  body: DocNode.default({ type: "doc", content: [] }),
});
export type ReportAttachment = z.infer<typeof ReportAttachment>;

export const ReportMeta = z.object({
  title: z.string().max(200),
  /** 主送机关; most 法治政府 reports have none. */
  recipient: z.string().max(200).nullable().default(null),
  /** 发文机关署名 as it appears in the 落款; empty until the report or the clerk names it (never invented). */
  org: z.string().max(100),
  reportYear: ReportYear,
  /** 成文日期; optional until 签发 fills it. */
  date: IsoDate.nullable().default(null),
  /** 发文字号, e.g. 木政发〔2024〕3号. */
  docNumber: z.string().max(100).nullable().default(null),
  /** 签发人 (GB/T 9704 7.2.6, required on a 上行文 such as a 报告); filled at 签发. */
  issuer: z.string().max(100).nullable().default(null),
  profile: LayoutProfile.default(LayoutProfile.parse({})),
  /** 附注 (7.3.6), e.g. （联系人：…，联系电话：…）; printed on the line after the 成文日期. */
  note: z.string().max(500).nullable().default(null),
  /** 附件 (7.3.4, 7.3.7): listed in the 附件说明 and each printed on its own page. */
  attachments: z.array(ReportAttachment).max(50).default([]),
  /** false: no 落款 at the end (a report published as a web article). Absent: printed. */
  signatureBlock: z.boolean().optional(),
  /**
   * This unit's 报送 and 公开 dates when a local notice sets them (a township's 1月20日);
   * absent: the template's. Absent keys leave older files, and their approval hashes, unchanged.
   */
  deadlines: z.object({ submit: MonthDay, publish: MonthDay }).strict().optional(),
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
 * (last year's values drive the YoY wording). Not content: the plans checklist (the author's
 * working notes, not printed), the workflow, the history and the timestamps.
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

/** The clerk's answer to one of last year's 下一年度主要安排 items (see core/compare/plan-checklist.ts). */
export const PlanDecision = z
  .object({
    key: z.string().min(1).max(200),
    status: z.enum(["addressed", "notDone"]),
    /** Where this year's report answers the item: a body path and the quoted text. */
    link: z
      .object({ path: z.array(z.number().int().min(0)).min(1), quote: z.string().max(500) })
      .nullable()
      .default(null),
    /** Why the item was not carried out (未落实的原因). */
    reason: z.string().max(2000).nullable().default(null),
  })
  .refine((d) => d.status !== "notDone" || (d.reason !== null && d.reason.trim() !== ""), {
    message: "未落实须说明原因 (a reason is required)",
  })
  .refine((d) => d.status !== "addressed" || d.link !== null, { message: "已落实须关联本年报告中的位置 (a link is required)" });
export type PlanDecision = z.infer<typeof PlanDecision>;

export const Report = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    ...ReportContent.shape,
    plans: z.array(PlanDecision).default([]),
    workflow: Workflow.default(Workflow.parse({})),
    /** Earlier approved revisions, oldest first. Append-only, like the workflow events. */
    revisions: z.array(FrozenRevision).default([]),
    /** Every signing of an approved revision's exported files, oldest first; append-only (absent in older files). */
    signatures: z.array(SignatureRecord).max(1000).default([]),
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
