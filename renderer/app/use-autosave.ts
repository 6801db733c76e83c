import { useEffect } from "react";
import type { ReportStore } from "../state/report-store";

/** How often unsaved work is copied to the recovery file. */
export const AUTOSAVE_INTERVAL_MS = 3000;

/** Copies unsaved work to the host's recovery folder every few seconds while the report is dirty. */
export function useAutosave(store: ReportStore): void {
  useEffect(() => {
    let running = false;
    const timer = window.setInterval(() => {
      if (running) return;
      running = true;
      // A failed autosave is retried on the next tick; the clerk's work is still in the editor.
      void store.getState().writeRecovery().catch(() => undefined).finally(() => {
        running = false;
      });
    }, AUTOSAVE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [store]);
}
