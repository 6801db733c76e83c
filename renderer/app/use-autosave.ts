import { useEffect } from "react";
import type { ReportStore } from "../state/report-store";
import { createRecoveryScheduler } from "./recovery-scheduler";

/**
 * Copies unsaved work to the host's recovery folder about a second after each edit (issue 9:
 * edits made up to 2 s before a crash come back). Only a change of revision schedules a write.
 */
export function useAutosave(store: ReportStore): void {
  useEffect(() => {
    const scheduler = createRecoveryScheduler({ write: () => store.getState().writeRecovery() });
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision !== previous.revision) scheduler.changed();
    });
    return () => {
      unsubscribe();
      scheduler.dispose();
    };
  }, [store]);
}
