import type { StateCreator } from "zustand/vanilla";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { DocNode } from "../../../core/model/doc";
import type { Report } from "../../../core/model/report";
import type { PersistenceSlice, ReportState, ReportStoreDeps } from "../report-state";

export function persistenceSlice(deps: ReportStoreDeps): StateCreator<ReportState, [], [], PersistenceSlice> {
  return (set, get) => {
    let recoveryWrite: Promise<unknown> | null = null;
    let reportSave: Promise<unknown> | null = null;
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
    /**
     * The report as it stands, for the recovery copy written every second while the clerk types:
     * not validated here but by the host, which checks every request against the contract
     * (core/rpc/dispatcher.ts) off this thread, so a long report's copy costs the editor no
     * schema walk. A copy the host refuses is retried by the scheduler; saves still validate.
     */
    const recoveryCopy = (): Report => {
      const state = get();
      return { ...state.report, body: state.readLiveBody?.() ?? state.body, fields: state.fields };
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
        if (deps.team !== undefined && path === undefined) {
          const revision = get().revision;
          set({ status: "saving", lastError: null });
          await deps.team.flush();
          set({ savedRevision: revision, lastSavedAt: new Date().toISOString(), status: get().revision === revision ? "clean" : "dirty" });
          return;
        }
        const target = path ?? get().path;
        if (target === null) throw new NianbaoError("invalid_input", "请先选择保存位置。", "no file path chosen");
        const revision = get().revision;
        const report = snapshot();
        set({ status: "saving", lastError: null });
        // The host drops the recovery copy when the report is saved; a copy still being written
        // would land after that and offer stale work back at the next start.
        const pending = recoveryWrite;
        const saving = (pending === null ? Promise.resolve() : pending.catch(() => undefined)).then(() =>
          deps.api.saveReport({ report, path: target }),
        );
        reportSave = saving;
        try {
          const saved = await saving;
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
        } finally {
          if (reportSave === saving) reportSave = null;
        }
      },
      writeRecovery: async () => {
        // Wait for a save in flight (the revision it saves needs no copy), and only then: an await
        // here would let a save begin before this copy is registered below.
        if (deps.team !== undefined) return;
        if (reportSave !== null) await reportSave.catch(() => undefined);
        const { revision, savedRevision, recoveryRevision, path } = get();
        if (revision === savedRevision || revision === recoveryRevision) return;
        const writing = deps.api.writeRecovery({ report: recoveryCopy(), path });
        recoveryWrite = writing;
        try {
          await writing;
          set({ recoveryRevision: revision });
        } finally {
          if (recoveryWrite === writing) recoveryWrite = null;
        }
      },
    };
  };
}
