import { create } from "zustand";

export interface PopoverAnchor {
  left: number;
  top: number;
  bottom: number;
  /** The chip's position in the document, when known: the caret goes right after it on close. */
  pos?: number;
}

export type SidePanel = "outline" | "fields" | "checks" | "signoff" | "compare";
export type FileDialogMode = "open" | "save" | null;
export type ExportFormat = "docx" | "pdf";

/** The files of the last export, which 签发 offers to sign. */
export interface LastExport {
  docx: string | null;
  pdf: string | null;
  pages: number;
}

/** Ephemeral UI state: never saved, never mixed with the report. */
export interface UiState {
  /** isNew: opened by 插入字段; Esc on it while still empty takes the chip and its record back. */
  popover: { fieldId: string; anchor: PopoverAnchor; isNew: boolean } | null;
  panel: SidePanel;
  onlyUnconfirmed: boolean;
  fileDialog: FileDialogMode;
  reportInfoOpen: boolean;
  importOpen: boolean;
  exportDialog: ExportFormat | null;
  lastExport: LastExport | null;
  notice: { kind: "info" | "error"; text: string } | null;
  openPopover: (fieldId: string, anchor: PopoverAnchor, options?: { isNew?: boolean }) => void;
  closePopover: () => void;
  setPanel: (panel: SidePanel) => void;
  setOnlyUnconfirmed: (value: boolean) => void;
  setFileDialog: (mode: FileDialogMode) => void;
  setReportInfoOpen: (open: boolean) => void;
  setImportOpen: (open: boolean) => void;
  setExportDialog: (format: ExportFormat | null) => void;
  setLastExport: (files: LastExport | null) => void;
  notify: (kind: "info" | "error", text: string) => void;
  clearNotice: () => void;
}

export const useUiStore = create<UiState>()((set) => ({
  popover: null,
  panel: "outline",
  onlyUnconfirmed: false,
  fileDialog: null,
  reportInfoOpen: false,
  importOpen: false,
  exportDialog: null,
  lastExport: null,
  notice: null,
  openPopover: (fieldId, anchor, options) => set({ popover: { fieldId, anchor, isNew: options?.isNew === true } }),
  closePopover: () => set({ popover: null }),
  setPanel: (panel) => set({ panel }),
  setOnlyUnconfirmed: (onlyUnconfirmed) => set({ onlyUnconfirmed }),
  setFileDialog: (fileDialog) => set({ fileDialog }),
  setReportInfoOpen: (reportInfoOpen) => set({ reportInfoOpen }),
  setImportOpen: (importOpen) => set({ importOpen }),
  setExportDialog: (exportDialog) => set({ exportDialog }),
  setLastExport: (lastExport) => set({ lastExport }),
  notify: (kind, text) => set({ notice: { kind, text } }),
  clearNotice: () => set({ notice: null }),
}));
