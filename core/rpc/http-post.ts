import { z } from "zod";

/**
 * A POST handed to a worker (renderer/workers/http-post.worker.ts) so that sending a large body
 * (a 100-page report: encoding and copying it) happens off the editor's main thread.
 */
export const HttpPostRequest = z.object({
  id: z.number().int().min(0),
  url: z.url(),
  token: z.string().min(1),
  body: z.string(),
});
export type HttpPostRequest = z.infer<typeof HttpPostRequest>;

export const HttpPostReply = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), id: z.number().int().min(0), body: z.string() }),
  z.object({ ok: z.literal(false), id: z.number().int().min(0).nullable(), message: z.string() }),
]);
export type HttpPostReply = z.infer<typeof HttpPostReply>;
