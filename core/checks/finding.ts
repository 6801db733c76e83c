import { z } from "zod";
import { DecimalString } from "../model/decimal-string";
import { FieldId } from "../model/field";
import { PartId } from "../model/part-id";
import { Severity } from "../model/severity";

export { Severity } from "../model/severity";

/** A JSON path into the report, e.g. ["body", "content", 2, "content", 1]. */
export const ReportPath = z.array(z.union([z.string(), z.number().int().min(0)]));
export type ReportPath = z.infer<typeof ReportPath>;

export const FindingLocation = z.object({
  part: PartId.nullable(),
  path: ReportPath.nullable(),
  fieldId: FieldId.nullable(),
});
export type FindingLocation = z.infer<typeof FindingLocation>;

/** Automatic repairs; each is safe to apply without the clerk rewriting anything. */
export const Fix = z.discriminatedUnion("type", [
  /** Replace `from` at `offset` in the text node at `path`; refused when the text has changed since. */
  z.object({
    type: z.literal("replaceText"),
    path: ReportPath,
    offset: z.number().int().min(0),
    from: z.string().min(1),
    to: z.string(),
    label: z.string(),
  }),
  z.object({ type: z.literal("setFieldValue"), fieldId: FieldId, value: DecimalString, label: z.string() }),
  z.object({ type: z.literal("setRecipient"), value: z.string(), label: z.string() }),
  /** Rewrites the words around a field's number as written (超 # 万件 → 超#万件); the value stays. */
  z.object({ type: z.literal("setWrittenFrame"), fieldId: FieldId, frame: z.string().min(1), label: z.string() }),
]);
export type Fix = z.infer<typeof Fix>;

export const Finding = z.object({
  id: z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/),
  severity: Severity,
  /** Chinese, for the clerk. */
  message: z.string().min(1),
  location: FindingLocation,
  fix: Fix.optional(),
  /** The template rule this finding reports (R1), for a rule declared in the template. */
  rule: z.string().optional(),
  /** Every field the finding is about (the cells of a rule), so the app can select them. */
  fields: z.array(FieldId).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const CheckResult = z.object({ findings: z.array(Finding) });
export type CheckResult = z.infer<typeof CheckResult>;

export function at(part: PartId | null, path: ReportPath | null = null, fieldId: string | null = null): FindingLocation {
  return { part, path, fieldId };
}
