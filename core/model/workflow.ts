import { z } from "zod";

export const WorkflowState = z.enum(["draft", "review", "approved", "published"]);
export type WorkflowState = z.infer<typeof WorkflowState>;

export const SignoffRole = z.enum(["拟稿人", "审核人", "签发人"]);
export type SignoffRole = z.infer<typeof SignoffRole>;

/** "review" is the 审核人's sign-off (审核通过); it keeps the report in review for the 签发人. */
export const WorkflowAction = z.enum(["create", "submit", "return", "approve", "publish", "revise", "review"]);
export type WorkflowAction = z.infer<typeof WorkflowAction>;

/** One transition. The list is append-only: events are never edited or removed. */
export const WorkflowEvent = z.object({
  action: WorkflowAction,
  from: WorkflowState.nullable(),
  to: WorkflowState,
  person: z.string().max(100),
  role: SignoffRole.nullable(),
  at: z.iso.datetime({ offset: true }),
  comment: z.string().max(2000).nullable().default(null),
  /** SHA-256 (hex) of the canonical report content at the time of the event. */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  revision: z.number().int().min(1),
});
export type WorkflowEvent = z.infer<typeof WorkflowEvent>;

export const Workflow = z.object({
  state: WorkflowState.default("draft"),
  /**
   * The unit's rule that 拟稿人, 审核人 and 签发人 are three different people (on unless the unit
   * turns it off, while the report is being drafted).
   */
  distinctPeople: z.boolean().default(true),
  revision: z.number().int().min(1).default(1),
  events: z.array(WorkflowEvent).default([]),
});
export type Workflow = z.infer<typeof Workflow>;
