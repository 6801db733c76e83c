import type { StateCreator } from "zustand/vanilla";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { DocNode } from "../../../core/model/doc";
import type { Report } from "../../../core/model/report";
import type { PersistenceSlice, ReportState, ReportStoreDeps } from "../report-state";

export function persistenceSlice(deps: ReportStoreDeps): StateCreator<ReportState, [], [], PersistenceSlice> {
  return (set, get) => {
    const snapshot = (): Report => {
      const state = get();
      const live = state.readLiveBody?.() ?? state.body;
      const body = DocNode.safeParse(live);
      if (!body.success) {
        throw new NianbaoError(
          "invalid_input",
          "文档结构有误，无法保存。",
          `the document does not match the schema: ${body.error.message}`,
        );
      }
      return { ...state.report, body: body.data, fields: state.fields };
    };
    return {
      path: deps.opened.path,
      status: deps.startDirty === true ? "dirty" : "clean",
      revision: deps.startDirty === true ? 1 : 0,
      savedRevision: 0,
      recoveryRevision: 0,
      lastSavedAt: null,
      lastError: null,
      snapshot,
      save: async (path) => {
        const target = path ?? get().path;
        if (target === null) throw new NianbaoError("invalid_input", "请先选择保存位置。", "no file path chosen");
        const revision = get().revision;
        const report = snapshot();
        set({ status: "saving", lastError: null });
        try {
          const saved = await deps.api.saveReport({ report, path: target });
          set({
            report: { ...report, updatedAt: saved.savedAt },
            body: report.body,
            path: saved.path,
            savedRevision: revision,
            recoveryRevision: Math.max(get().recoveryRevision, revision),
            lastSavedAt: saved.savedAt,
            // Edits made while the save was in flight keep the report dirty.
            status: get().revision === revision ? "clean" : "dirty",
          });
        } catch (error) {
          set({ status: "error", lastError: error instanceof NianbaoError ? error.zh : String(error) });
          throw error;
        }
      },
      writeRecovery: async () => {
        const { revision, savedRevision, recoveryRevision, path } = get();
        if (revision === savedRevision || revision === recoveryRevision) return;
        await deps.api.writeRecovery({ report: snapshot(), path });
        set({ recoveryRevision: revision });
      },
    };
  };
}
