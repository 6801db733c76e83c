import { z } from "zod";
import { ErrorEnvelope, type ErrorCode } from "../errors/nianbao-error";

/** What crosses IPC and HTTP: a value or an error with a code, never a thrown exception. */
export const Envelope = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorEnvelope }),
]);
export type Envelope = z.infer<typeof Envelope>;

export function ok(value: unknown): Envelope {
  return { ok: true, value };
}

export function fail(code: ErrorCode, zh: string, en: string, hint: string | null = null): Envelope {
  return { ok: false, error: { code, zh, en, hint } };
}
