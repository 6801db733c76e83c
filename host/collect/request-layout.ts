import { createHash } from "node:crypto";

/*
 * The shape of a data-request workbook, shared by the writer and the reader. The data sheet's
 * header names its columns so that other tools can fill it: the field's id under 字段编号, the
 * answer under 本年数值.
 */

export const INSTRUCTIONS_SHEET = "填报说明";
export const DATA_SHEET = "数据";
/** Hidden and protected: what the request was, kept in cells because other programs drop custom document properties on save. */
export const REQUEST_SHEET = "nianbao";
export const REQUEST_FORMAT = "nianbao-data-request";
export const REQUEST_FORMAT_VERSION = 1;

export const COLUMNS = {
  fieldId: { header: "字段编号", col: 1, width: 10 },
  label: { header: "指标", col: 2, width: 28 },
  sentence: { header: "报告原文（【本年数值】处为本年数字）", col: 3, width: 60 },
  lastYear: { header: "上年数值", col: 4, width: 16 },
  unit: { header: "单位", col: 5, width: 10 },
  answer: { header: "本年数值", col: 6, width: 16 },
  qualifier: { header: "限定词（可选）", col: 7, width: 14 },
  note: { header: "备注", col: 8, width: 30 },
} as const;

/** The columns a department types into; every other cell of the data sheet is locked. */
export const INPUT_COLUMNS: readonly number[] = [COLUMNS.answer.col, COLUMNS.qualifier.col, COLUMNS.note.col];
/** The locked columns of a data row, compared with the request's copy when the workbook comes back. */
export const LOCKED_COLUMNS = [COLUMNS.fieldId, COLUMNS.label, COLUMNS.sentence, COLUMNS.lastYear, COLUMNS.unit] as const;

export const RESPONDENT_LABEL = "填报人";
export const PHONE_LABEL = "联系电话";

/** Row 1 is the header; the data rows follow, then one empty row, then 填报人 and 联系电话. */
export function respondentRow(rows: number): number {
  return rows + 3;
}

/** Key-value rows at the top of the request sheet, in this order. */
export const REQUEST_KEYS = [
  "format",
  "version",
  "requestId",
  "reportId",
  "reportYear",
  "templateId",
  "department",
  "rows",
  "checksum",
] as const;
/** The request sheet's copy of the data rows starts here: fieldId, label, sentence, last year, unit, kind. */
export const REQUEST_ROWS_START = 12;

export interface RequestRow {
  fieldId: string;
  label: string;
  sentence: string;
  lastYear: string;
  unit: string;
  kind: string;
}

export interface RequestRecord {
  requestId: string;
  reportId: string;
  reportYear: number;
  templateId: string;
  department: string;
  rows: RequestRow[];
}

/** Covers everything the request sheet says, so an edited request sheet is told from an intact one. */
export function requestChecksum(record: RequestRecord): string {
  const { requestId, reportId, reportYear, templateId, department, rows } = record;
  const canonical = JSON.stringify([REQUEST_FORMAT, REQUEST_FORMAT_VERSION, requestId, reportId, reportYear, templateId, department, rows]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
