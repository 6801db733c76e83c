import { z } from "zod";
import { WorkflowStep } from "../workflow/apply-workflow-action";
import { TeamIdentity } from "./team-user";

/*
 * What client and team server say to each other besides Yjs sync (Hocuspocus stateless
 * messages, JSON). Sign-off steps go to the server, which records them as the member its token
 * names: nobody signs as somebody else by editing the shared document.
 */
export const ClientMessage = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("nianbao.workflow"),
    action: WorkflowStep,
    comment: z.string().max(2000).nullable().default(null),
  }),
  /** The unit's rule that 拟稿人, 审核人 and 签发人 are different people (while drafting). */
  z.object({ type: z.literal("nianbao.distinctPeople"), on: z.boolean() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion("type", [
  /** Sent once a connection is authenticated: who the server takes this member for. */
  z.object({ type: z.literal("nianbao.welcome"), user: TeamIdentity }),
  /** A change of this member's that the server took back, and why. */
  z.object({ type: z.literal("nianbao.rejected"), zh: z.string(), en: z.string() }),
  z.object({ type: z.literal("nianbao.workflow.done"), action: WorkflowStep.nullable(), state: z.string() }),
  z.object({ type: z.literal("nianbao.error"), zh: z.string(), en: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
