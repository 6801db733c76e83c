import type { StateCreator } from "zustand/vanilla";
import { applyEdit, type EditDeps } from "../../../core/edits/apply-edit";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { localIso } from "../../../core/text/local-iso";
import type { DocumentSlice, ReportState, ReportStoreDeps } from "../report-state";

/** Report-level changes go through core/edits, the same use cases the host and the CLI run. */
export function documentSlice(deps: ReportStoreDeps): StateCreator<ReportState, [], [], DocumentSlice> {
  return (set, get) => {
    const editDeps = (): EditDeps => ({ now: () => localIso(new Date()), template: get().template });
    // Meta and plan edits do not touch body or fields, so they apply to the stored report as it is.
    const editMeta = (edit: ReportEdit) => {
      const { report, revision } = get();
      set({ report: applyEdit(report, edit, editDeps()), revision: revision + 1, status: "dirty" });
    };
    return {
      report: deps.opened.report,
      template: deps.template,
      body: deps.opened.report.body,
      readLiveBody: null,
      setLiveBodyReader: (reader) => set({ readLiveBody: reader }),
      markDocumentChanged: () => set({ revision: get().revision + 1, status: "dirty" }),
      setBody: (body) => set({ body }),
      updateMeta: (patch) => editMeta({ type: "updateMeta", patch }),
      applyWorkflow: (request) => {
        // The step's content hash must cover the text as typed, not as last debounced.
        get().replaceReport(applyEdit(get().snapshot(), { type: "workflow", request }, editDeps()));
      },
      setDistinctPeople: (distinctPeople) => editMeta({ type: "workflowSettings", distinctPeople }),
      decidePlan: (key, decision) =>
        editMeta({
          type: "answerPlan",
          plan: key,
          answer:
            decision === null
              ? null
              : decision.status === "notDone"
                ? { status: "notDone", reason: decision.reason ?? "" }
                : {
                    status: "addressed",
                    quote: decision.link?.quote ?? "",
                    ...(decision.link === null ? {} : { path: decision.link.path }),
                  },
        }),
      replaceReport: (report) => set({ report, body: report.body, fields: report.fields, revision: get().revision + 1, status: "dirty" }),
    };
  };
}
