import type { ReportEdit } from "../edits/report-edit";
import { NianbaoError } from "../errors/nianbao-error";
import { applyTypedValue } from "../fields/apply-typed-value";
import { Exact } from "../fields/exact";
import type { Field, FieldAnswer } from "../model/field";
import type { Report } from "../model/report";
import type { AnsweredRow, CollectImportResult, ReturnedWorkbook } from "./returned-workbook";

export interface PlanOptions {
  /** When the files were read (each answer's `readAt`). */
  readAt: string;
  /** Take formulas' cached values (flagged in the provenance) instead of refusing the file. */
  acceptFormulas: boolean;
}

export interface AnswerPlan {
  /** changeField edits, one per answered field: core/edits applies them like `fields --set`. */
  edits: ReportEdit[];
  result: CollectImportResult;
}

interface Candidate {
  workbook: ReturnedWorkbook;
  row: AnsweredRow & { answer: string };
  /** The value the answer sets, in base units, as changeField would store it. */
  value: string;
}

/**
 * Decides what a batch of returned workbooks does to `report`, refusing the whole batch (a
 * NianbaoError naming the file and row) on anything it cannot take as it stands. Per field: one
 * answer, or several that agree, set the value (unconfirmed, through changeField); answers that
 * disagree with each other or with earlier applied answers, or with a value the clerk confirmed,
 * are all recorded as conflicts and the value is left as it was.
 */
export function planAnswers(report: Report, workbooks: readonly ReturnedWorkbook[], options: PlanOptions): AnswerPlan {
  const seen = new Set(Object.values(report.fields).flatMap((f) => (f.provenance ?? []).map((p) => p.fileSha256)));
  const files: CollectImportResult["files"] = [];
  const byField = new Map<string, Candidate[]>();
  for (const workbook of workbooks) {
    assertForReport(report, workbook);
    const answered = workbook.rows.filter((r): r is AnsweredRow & { answer: string } => r.answer !== null);
    const entry = {
      fileName: workbook.fileName,
      department: workbook.department,
      requestId: workbook.requestId,
      answered: answered.length,
      blank: workbook.rows.length - answered.length,
    };
    if (seen.has(workbook.fileSha256)) {
      files.push({ ...entry, skipped: "同一文件已读取过 (this file was read before)" });
      continue;
    }
    seen.add(workbook.fileSha256);
    files.push({ ...entry, skipped: null });
    for (const row of answered) {
      const field = report.fields[row.fieldId];
      if (field === undefined) {
        throw inFile(workbook, row, `报告中已没有字段“${row.fieldId}”`, `the report has no field "${row.fieldId}" any more`);
      }
      if (row.formula !== undefined && !options.acceptFormulas) {
        throw inFile(
          workbook,
          row,
          `本年数值是公式“=${row.formula}”（表格程序上次算得 ${row.answer}），年报不计算公式。请填写数值后重新报送，或加 --accept-formulas 采用该结果（将标明来自公式）`,
          `the value is the formula "=${row.formula}" (last computed as ${row.answer}); formulas are not evaluated. Ask for a plain number, or pass --accept-formulas to take the cached result (flagged)`,
        );
      }
      const typed = applyTypedValue(field, row.answer);
      if (!typed.ok) throw inFile(workbook, row, typed.zh, typed.en);
      const list = byField.get(field.id) ?? [];
      list.push({ workbook, row, value: typed.field.value ?? "" });
      byField.set(field.id, list);
    }
  }
  const edits: ReportEdit[] = [];
  const result: CollectImportResult = { files, applied: [], conflicts: [] };
  for (const [fieldId, candidates] of byField) {
    const field = report.fields[fieldId] as Field;
    // A roll-up's towns each hold a part of the value, not an answer for it.
    const earlier = (field.provenance ?? []).filter((p) => p.outcome === "applied" && p.via === undefined);
    const values = new Set([...candidates.map((c) => canonical(c.value)), ...earlier.map((p) => canonical(valueOf(field, p.answer)))]);
    const confirmedElsewhere =
      field.status === "confirmed" && candidates.some((c) => field.value === null || canonical(c.value) !== canonical(field.value));
    const conflict = confirmedElsewhere ? "confirmed" : values.size > 1 ? "answers" : null;
    const answers = candidates.map((c) => answerOf(c, options.readAt, conflict));
    const summaries = candidates.map((c) => summaryOf(c));
    if (conflict !== null) {
      edits.push({ type: "changeField", fieldId, answers });
      result.conflicts.push({ fieldId, label: field.label, kind: conflict, current: field.value, answers: summaries });
      continue;
    }
    const first = candidates[0] as Candidate;
    const qualifier = candidates.find((c) => c.row.qualifier !== undefined)?.row.qualifier;
    edits.push({
      type: "changeField",
      fieldId,
      input: first.row.answer,
      ...(qualifier === undefined ? {} : { qualifier }),
      answers,
    });
    result.applied.push(...summaries.map((s) => ({ ...s, fieldId, label: field.label })));
  }
  return { edits, result };
}

function assertForReport(report: Report, workbook: ReturnedWorkbook): void {
  if (workbook.reportId !== report.id) {
    throw new NianbaoError(
      "invalid_input",
      `${workbook.fileName}：这份数据征集表是为另一份报告（${workbook.reportYear} 年度）发出的，不是本报告的，未读取。`,
      `${workbook.fileName}: this data request was issued for another report (${workbook.reportYear}), not this one; nothing read`,
    );
  }
  if (workbook.reportYear !== report.meta.reportYear) {
    throw new NianbaoError(
      "invalid_input",
      `${workbook.fileName}：这份数据征集表征集的是 ${workbook.reportYear} 年度数据，本报告是 ${report.meta.reportYear} 年度，未读取。`,
      `${workbook.fileName}: the request asks for ${workbook.reportYear} figures, the report is for ${report.meta.reportYear}; nothing read`,
    );
  }
}

function inFile(workbook: ReturnedWorkbook, row: AnsweredRow, zh: string, en: string): NianbaoError {
  return new NianbaoError(
    "invalid_input",
    `${workbook.fileName} 第 ${row.row} 行（${row.fieldId}）：${zh}。所有文件均未读入，报告未改动。`,
    `${workbook.fileName} row ${row.row} (${row.fieldId}): ${en}; no file was read in and the report was not changed`,
  );
}

function valueOf(field: Field, answer: string): string {
  const typed = applyTypedValue(field, answer);
  return typed.ok ? (typed.field.value ?? "") : answer;
}

/** 590, 590.0 and 5.9e2 are one answer. */
function canonical(value: string): string {
  try {
    return new Exact(value).toFixed();
  } catch {
    return value;
  }
}

function answerOf(c: Candidate, readAt: string, conflict: "answers" | "confirmed" | null): FieldAnswer {
  return {
    department: c.workbook.department,
    fileName: c.workbook.fileName,
    requestId: c.workbook.requestId,
    respondent: c.workbook.respondent,
    phone: c.workbook.phone,
    readAt,
    fileSha256: c.workbook.fileSha256,
    answer: c.row.answer,
    ...(c.row.qualifier === undefined ? {} : { qualifier: c.row.qualifier }),
    note: c.row.note,
    ...(c.row.formula === undefined ? {} : { formula: c.row.formula }),
    outcome: conflict === null ? "applied" : "conflict",
    ...(conflict === null ? {} : { conflict }),
  };
}

function summaryOf(c: Candidate) {
  return {
    department: c.workbook.department,
    fileName: c.workbook.fileName,
    answer: c.row.answer,
    ...(c.row.qualifier === undefined ? {} : { qualifier: c.row.qualifier }),
    ...(c.row.formula === undefined ? {} : { formula: c.row.formula }),
  };
}
