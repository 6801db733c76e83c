import type { StateCreator } from "zustand/vanilla";
import { decidePlan } from "../../../core/compare/plan-checklist";
import { applyWorkflowAction } from "../../../core/workflow/apply-workflow-action";
import type { DocumentSlice, ReportState, ReportStoreDeps } from "../report-state";

export function documentSlice(deps: ReportStoreDeps): StateCreator<ReportState, [], [], DocumentSlice> {
  return (set, get) => ({
    report: deps.opened.report,
    template: deps.template,
    body: deps.opened.report.body,
    readLiveBody: null,
    setLiveBodyReader: (reader) => set({ readLiveBody: reader }),
    markDocumentChanged: () => set({ revision: get().revision + 1, status: "dirty" }),
    setBody: (body) => set({ body }),
    updateMeta: (patch) => {
      const { report, revision } = get();
      set({ report: { ...report, meta: { ...report.meta, ...patch } }, revision: revision + 1, status: "dirty" });
    },
    applyWorkflow: (request) => {
      // The step's content hash must cover the text as typed, not as last debounced.
      const next = applyWorkflowAction(get().snapshot(), request, { now: () => new Date().toISOString() });
      get().replaceReport(next);
    },
    decidePlan: (key, decision) => {
      const { report, revision } = get();
      set({ report: decidePlan(report, key, decision), revision: revision + 1, status: "dirty" });
    },
    replaceReport: (report) => set({ report, body: report.body, fields: report.fields, revision: get().revision + 1, status: "dirty" }),
  });
}
