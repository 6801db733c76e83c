import { z } from "zod";
import { systemErrorMessage, type FileAction } from "./system-error";

export const ErrorCode = z.enum([
  "invalid_input",
  "unknown_method",
  "not_found",
  "io_error",
  "file_corrupt",
  "file_invalid",
  "file_too_new",
  "file_too_large",
  "unsupported_format",
  "template_invalid",
  "template_not_found",
  "report_locked",
  "forbidden",
  "unauthorized",
  "unsupported",
  "path_not_allowed",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Every error a user can meet carries a Chinese message for the UI and an English one for logs
 * and the CLI (which prints both). Errors cross IPC/HTTP as plain envelopes, so the code matters,
 * not the class.
 */
export class NianbaoError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly hint: string | null;

  constructor(code: ErrorCode, zh: string, en: string, options?: { hint?: string; cause?: unknown }) {
    super(en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NianbaoError";
    this.code = code;
    this.zh = zh;
    this.hint = options?.hint ?? null;
  }
}

export const ErrorEnvelope = z.object({
  code: ErrorCode,
  zh: z.string(),
  en: z.string(),
  hint: z.string().nullable(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/**
 * A failed file operation as a NianbaoError naming `path` in Chinese and English: an operating
 * system error gets its reason in words, never the raw `EACCES: permission denied, open '…'`.
 */
export function fileError(error: unknown, path: string, action: FileAction): NianbaoError {
  if (error instanceof NianbaoError) return error;
  const known = systemErrorMessage(error, path, action);
  if (known !== null) return new NianbaoError(known.code, known.zh, known.en, { cause: error });
  const en = error instanceof Error ? error.message : String(error);
  return new NianbaoError("io_error", `无法${action === "read" ? "读取" : "写入"}：${path}。`, `cannot ${action} ${path}: ${en}`, {
    cause: error,
  });
}

export function toErrorEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof NianbaoError) {
    return { code: error.code, zh: error.zh, en: error.message, hint: error.hint };
  }
  // An operating-system error that no caller wrapped still reaches the user in words.
  const system = systemErrorMessage(error);
  if (system !== null) return { ...system, hint: null };
  const en = error instanceof Error ? error.message : String(error);
  return { code: "internal", zh: `内部错误：${en}`, en: `internal error: ${en}`, hint: null };
}
