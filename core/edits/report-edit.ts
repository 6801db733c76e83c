import { z } from "zod";
import { Fix } from "../checks/finding";
import { WorkflowRequest } from "../workflow/apply-workflow-action";
import { FieldChange } from "./change-field";
import { MonthDay } from "../model/template";

/** This year's answer to one of last year's plans (下一年度安排 → 落实情况). */
export const PlanAnswer = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("addressed"),
    /** Words of this year's report that say it was done. */
    quote: z.string().trim().min(1).max(500),
    /** The paragraph the clerk pointed at; found from the quote when absent. */
    path: z.array(z.number().int().min(0)).min(1).optional(),
  }),
  z.object({ status: z.literal("notDone"), reason: z.string().trim().min(1, "未落实须说明原因").max(2000) }),
]);
export type PlanAnswer = z.input<typeof PlanAnswer>;

/** 标题, 发文机关, 发文字号, 主送机关: what the clerk may correct after creating the report. */
export const MetaPatch = z
  .object({
    title: z.string().max(200),
    org: z.string().trim().min(1, "请填写发文机关").max(100),
    docNumber: z.string().max(100).nullable(),
    recipient: z.string().max(200).nullable(),
    /** The unit's own 报送/公开 dates (a local notice); null goes back to the template's. */
    deadlines: z.object({ submit: MonthDay, publish: MonthDay }).strict().nullable(),
  })
  .partial()
  .strict();
export type MetaPatch = z.input<typeof MetaPatch>;

/**
 * Every change a user can make to a report, as data: the app, the loopback host and each CLI
 * command describe a change this way and core/edits/apply-edit.ts carries it out.
 */
export const ReportEdit = z.discriminatedUnion("type", [
  FieldChange.extend({ type: z.literal("changeField") }),
  z.object({ type: z.literal("applyFix"), fix: Fix }).strict(),
  z.object({ type: z.literal("workflow"), request: WorkflowRequest }).strict(),
  z
    .object({
      type: z.literal("answerPlan"),
      /** The item's number in last year's list (1, 2, …) or its key. */
      plan: z.union([z.number().int().min(1), z.string().min(1).max(200)]),
      /** null withdraws the answer. */
      answer: PlanAnswer.nullable(),
    })
    .strict(),
  z.object({ type: z.literal("updateMeta"), patch: MetaPatch }).strict(),
  /** The unit's sign-off rules; changed only while the report is being drafted. */
  z.object({ type: z.literal("workflowSettings"), distinctPeople: z.boolean() }).strict(),
]);
export type ReportEdit = z.input<typeof ReportEdit>;
