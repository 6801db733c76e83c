import type { OpenedReport } from "../../core/api/contract";
import type { DocNode } from "../../core/model/doc";
import type { Field } from "../../core/model/field";
import type { PlanDecision, Report, ReportMeta } from "../../core/model/report";
import type { Template } from "../../core/model/template";
import type { WorkflowRequest } from "../../core/workflow/apply-workflow-action";
import type { ReportApi } from "../platform/api";

export type PersistenceStatus = "clean" | "dirty" | "saving" | "error";

export interface DocumentSlice {
  report: Report;
  template: Template;
  body: DocNode;
  /** Set by the live editor so a save reads the document as it is now, not as last debounced. */
  readLiveBody: (() => DocNode) | null;
  setLiveBodyReader: (reader: (() => DocNode) | null) => void;
  markDocumentChanged: () => void;
  /** 标题, 发文机关, 发文字号, 主送机关: what the clerk may correct after creating the report. */
  updateMeta: (patch: Partial<Pick<ReportMeta, "title" | "org" | "docNumber" | "recipient">>) => void;
  setBody: (body: DocNode) => void;
  /** One sign-off step on the report as it is now; throws (in Chinese) when the step is not allowed. */
  applyWorkflow: (request: WorkflowRequest) => void;
  /** The unit's rule that 拟稿人, 审核人 and 签发人 differ (core refuses it outside 起草中). */
  setDistinctPeople: (on: boolean) => void;
  /** The report with a check's automatic fix applied (recipient and field fixes; text fixes go through the editor). */
  replaceReport: (report: Report) => void;
  /** Records (or, with null, withdraws) this year's answer to one of last year's plans. */
  decidePlan: (key: string, decision: Omit<PlanDecision, "key"> | null) => void;
}

export interface FieldsSlice {
  fields: Record<string, Field>;
  addField: (field: Field) => void;
  updateField: (fieldId: string, patch: Partial<Omit<Field, "id">>) => void;
  /** Replaces fields wholesale; undo/redo of field edits uses this. */
  restoreField: (field: Field) => void;
  removeField: (fieldId: string) => void;
}

export interface PersistenceSlice {
  path: string | null;
  status: PersistenceStatus;
  /** Bumped on every change; compared with what was saved and what autosave last wrote. */
  revision: number;
  savedRevision: number;
  recoveryRevision: number;
  lastSavedAt: string | null;
  lastError: string | null;
  snapshot: () => Report;
  save: (path?: string) => Promise<void>;
  writeRecovery: () => Promise<void>;
}

export type ReportState = DocumentSlice & FieldsSlice & PersistenceSlice;

export interface ReportStoreDeps {
  api: Pick<ReportApi, "saveReport" | "writeRecovery">;
  opened: OpenedReport;
  template: Template;
  /** A report restored from autosave starts dirty: it is not yet in its file. */
  startDirty?: boolean;
  /**
   * Team mode: the team server keeps the report, so saving is waiting until it has confirmed
   * every change made here, and no recovery copy is written.
   */
  team?: { flush: () => Promise<void> };
}
