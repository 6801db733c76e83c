import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ReportState, ReportStoreDeps } from "./report-state";
import { documentSlice } from "./slices/document-slice";
import { fieldsSlice } from "./slices/fields-slice";
import { persistenceSlice } from "./slices/persistence-slice";

export type ReportStore = StoreApi<ReportState>;

/** One store per open report, usable outside React (commands, autosave) and inside (hooks). */
export function createReportStore(deps: ReportStoreDeps): ReportStore {
  return createStore<ReportState>()((...a) => ({
    ...documentSlice(deps)(...a),
    ...fieldsSlice(deps)(...a),
    ...persistenceSlice(deps)(...a),
  }));
}

export function useReportStore<T>(store: ReportStore, selector: (state: ReportState) => T): T {
  return useStore(store, selector);
}
