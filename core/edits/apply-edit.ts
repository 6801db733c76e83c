import { NianbaoError } from "../errors/nianbao-error";
import { findQuote } from "../compare/find-quote";
import { decidePlan, planChecklist } from "../compare/plan-checklist";
import { requireLastYear } from "../compare/require-last-year";
import type { CoreDeps } from "../model/deps";
import type { Field } from "../model/field";
import type { Report } from "../model/report";
import { applyWorkflowAction } from "../workflow/apply-workflow-action";
import { assertEditable } from "../workflow/assert-editable";
import type { Template } from "../model/template";
import { STATE_NAMES, stageName } from "../workflow/state-names";
import { applyFix } from "./apply-fix";
import { changeField, type FieldChange } from "./change-field";
import { recomputeDependents } from "../fields/recompute-dependents";
import { ReportEdit, type PlanAnswer } from "./report-edit";
import { assertNoSignOffBlockers } from "./sign-off-gate";

/** What a use case may read besides the report: the clock, and the template its checks run against. */
export interface EditDeps extends Pick<CoreDeps, "now"> {
  template: Template;
}

/**
 * The report after one user action, stamped with the injected clock; the input is not changed.
 * Refusals are NianbaoErrors in the clerk's words. Content edits are refused on an approved report;
 * sign-off steps and plan answers (working notes, not printed) are not. 签发 is refused while
 * `check` reports errors.
 */
export function applyEdit(report: Report, edit: ReportEdit, deps: EditDeps): Report {
  const parsed = ReportEdit.safeParse(edit);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.message).join("；");
    throw new NianbaoError("invalid_input", `修改有误：${detail}`, `invalid edit: ${detail}`);
  }
  const e = parsed.data;
  switch (e.type) {
    case "changeField": {
      assertEditable(report);
      const { type: _type, ...change } = e;
      return stamped(withField(report, change), deps);
    }
    case "applyFix":
      assertEditable(report);
      if (e.fix.type === "setFieldValue") return stamped(withField(report, { fieldId: e.fix.fieldId, input: e.fix.value }), deps);
      return stamped(fixed(report, e.fix), deps);
    case "workflow":
      if (e.request.action === "approve") assertNoSignOffBlockers(report, deps.template, deps.now().slice(0, 10), "approve");
      return applyWorkflowAction(report, e.request, deps);
    case "answerPlan":
      return stamped(answered(report, e.plan, e.answer), deps);
    case "updateMeta": {
      assertEditable(report);
      const { deadlines, ...patch } = e.patch;
      const meta = { ...report.meta, ...definedOnly(patch) };
      if (deadlines === null) delete meta.deadlines;
      else if (deadlines !== undefined) meta.deadlines = deadlines;
      return stamped({ ...report, meta }, deps);
    }
    case "workflowSettings":
      if (report.workflow.state !== "draft") {
        throw new NianbaoError(
          "forbidden",
          `签核设置只能在“${STATE_NAMES.draft}”时修改（当前为“${stageName(report.workflow)}”）。`,
          `sign-off settings can only change while the report is a draft (now ${report.workflow.state})`,
        );
      }
      return stamped({ ...report, workflow: { ...report.workflow, distinctPeople: e.distinctPeople } }, deps);
  }
}

/** All edits or none: the first refusal stops the sequence and nothing is returned. */
export function applyEdits(report: Report, edits: readonly ReportEdit[], deps: EditDeps): Report {
  return edits.reduce((current, edit) => applyEdit(current, edit, deps), report);
}

export function fieldOf(fields: Readonly<Record<string, Field>>, id: string): Field {
  const field = fields[id];
  if (field !== undefined) return field;
  const known = Object.keys(fields);
  throw new NianbaoError(
    "not_found",
    `没有编号为“${id}”的字段。现有字段：${known.join("、") || "（无）"}`,
    `no field with id "${id}"; fields: ${known.join(", ") || "(none)"}`,
  );
}

/**
 * The report with one field changed and every total that depends on it recomputed; other totals
 * stay as they are, so a printed total that disagrees with its inputs is reported, never corrected
 * by an edit elsewhere (the app's field slice does the same).
 */
function withField(report: Report, change: FieldChange): Report {
  const field = changeField(fieldOf(report.fields, change.fieldId), change);
  return { ...report, fields: recomputeDependents({ ...report.fields, [field.id]: field }, [field.id]) };
}

function fixed(report: Report, fix: Parameters<typeof applyFix>[1]): Report {
  const result = applyFix(report, fix);
  if (!result.ok) throw new NianbaoError("invalid_input", result.zh, result.en);
  return result.report;
}

function answered(report: Report, plan: number | string, answer: PlanAnswer | null): Report {
  requireLastYear(report);
  const items = planChecklist(report);
  const item = typeof plan === "number" ? items[plan - 1] : items.find((i) => i.key === plan);
  if (item === undefined) {
    throw new NianbaoError(
      "not_found",
      typeof plan === "number" ? `上年报告只有 ${items.length} 项安排，没有第 ${plan} 项。` : "上年报告的安排中没有这一项。",
      typeof plan === "number" ? `last year's report lists ${items.length} plans, there is no item ${plan}` : `no plan item "${plan}"`,
    );
  }
  if (answer === null) return decidePlan(report, item.key, null);
  if (answer.status === "notDone") return decidePlan(report, item.key, { status: "notDone", link: null, reason: answer.reason.trim() });
  const quote = answer.quote.trim();
  const link = answer.path === undefined ? findQuote(report, quote) : { path: answer.path, quote };
  if (link === null) {
    throw new NianbaoError(
      "not_found",
      `本年报告正文中找不到“${quote}”，请复制报告中的原文。`,
      `"${quote}" is not in this year's report text; quote it exactly`,
    );
  }
  return decidePlan(report, item.key, { status: "addressed", link, reason: null });
}

function definedOnly<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function stamped(report: Report, deps: Pick<CoreDeps, "now">): Report {
  return { ...report, updatedAt: deps.now() };
}
