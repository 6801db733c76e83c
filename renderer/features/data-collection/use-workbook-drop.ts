import { useEffect, useState } from "react";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";
import { readAnswerFiles } from "./read-answer-files";

/**
 * Returned workbooks dropped anywhere on the window while a report is open are read into it.
 * Listened for before the page sees the drop, so the text does not take the files; the import
 * dialog's own drop zone (last year's report) and 汇总各乡镇's (the towns' reports) are left alone. True while files are dragged over.
 */
export function useWorkbookDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const ours = (event: DragEvent): boolean =>
      useSessionStore.getState().session !== null &&
      !useUiStore.getState().importOpen &&
      !useUiStore.getState().rollupOpen &&
      (event.dataTransfer?.types.includes("Files") ?? false);
    const handleDragOver = (event: DragEvent) => {
      if (!ours(event)) return;
      // Without this the browser would open the dropped file in place of the app.
      event.preventDefault();
      setOver(true);
    };
    const handleDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setOver(false);
    };
    const handleDrop = (event: DragEvent) => {
      setOver(false);
      if (!ours(event)) return;
      event.preventDefault();
      event.stopPropagation();
      void readAnswerFiles([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener("dragover", handleDragOver, true);
    window.addEventListener("dragleave", handleDragLeave, true);
    window.addEventListener("drop", handleDrop, true);
    return () => {
      window.removeEventListener("dragover", handleDragOver, true);
      window.removeEventListener("dragleave", handleDragLeave, true);
      window.removeEventListener("drop", handleDrop, true);
    };
  }, []);
  return over;
}
