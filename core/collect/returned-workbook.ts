import { z } from "zod";
import { FieldId, Qualifier } from "../model/field";
import { ReportYear } from "../model/report";

/** One data row of a returned workbook: the field it was asked for and what the department put in. */
export const AnsweredRow = z.object({
  fieldId: FieldId,
  /** The row in the data sheet, for messages (第 5 行). */
  row: z.number().int().min(1),
  /** The 本年数值 cell as text ("412345"), null when left blank. */
  answer: z.string().max(100).nullable(),
  qualifier: Qualifier.optional(),
  note: z.string().max(2000).nullable(),
  /** The cell held a formula; `answer` is its cached result. */
  formula: z.string().max(1000).optional(),
});
export type AnsweredRow = z.infer<typeof AnsweredRow>;

/** A returned data-request workbook as host/collect read it: who it was for and what it says. */
export const ReturnedWorkbook = z.object({
  fileName: z.string().max(255),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  requestId: z.string().min(1).max(64),
  reportId: z.string().min(1).max(64),
  reportYear: ReportYear,
  department: z.string().min(1).max(200),
  respondent: z.string().max(100).nullable(),
  phone: z.string().max(50).nullable(),
  rows: z.array(AnsweredRow).max(2000),
});
export type ReturnedWorkbook = z.infer<typeof ReturnedWorkbook>;

/** One answer as a summary shows it. */
export const AnswerSummary = z.object({
  department: z.string(),
  fileName: z.string(),
  answer: z.string(),
  qualifier: Qualifier.optional(),
  formula: z.string().optional(),
});
export type AnswerSummary = z.infer<typeof AnswerSummary>;

/** What reading a batch of returned workbooks did to the report, for the CLI and the app to show. */
export const CollectImportResult = z.object({
  files: z.array(
    z.object({
      fileName: z.string(),
      department: z.string(),
      requestId: z.string(),
      answered: z.number().int(),
      blank: z.number().int(),
      /** Why the whole file was passed over (the same file read before), or null. */
      skipped: z.string().nullable(),
    }),
  ),
  applied: z.array(AnswerSummary.extend({ fieldId: z.string(), label: z.string() })),
  conflicts: z.array(
    z.object({
      fieldId: z.string(),
      label: z.string(),
      kind: z.enum(["answers", "confirmed"]),
      /** The field's value as it stays, in base units, or null. */
      current: z.string().nullable(),
      answers: z.array(AnswerSummary),
    }),
  ),
});
export type CollectImportResult = z.infer<typeof CollectImportResult>;
