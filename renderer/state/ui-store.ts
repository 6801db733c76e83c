import { create } from "zustand";

export interface PopoverAnchor {
  left: number;
  top: number;
  bottom: number;
  /** The chip's position in the document, when known: the caret goes right after it on close. */
  pos?: number;
}

export type FieldsFilter = "all" | "unconfirmed" | "sameAsLastYear" | "abnormal";
export type SidePanel = "outline" | "fields" | "checks" | "signoff" | "compare" | "overview";
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
  /** The 字段 panel's filter. */
  fieldsFilter: FieldsFilter;
  /** The 字段 panel widened to a spreadsheet. */
  fieldsWide: boolean;
  fileDialog: FileDialogMode;
  reportInfoOpen: boolean;
  importOpen: boolean;
  exportDialog: ExportFormat | null;
  lastExport: LastExport | null;
  /** Pages of the last preview or PDF export, and the report revision it was laid out from. */
  pageCount: { pages: number; revision: number } | null;
  setPageCount: (count: { pages: number; revision: number } | null) => void;
  notice: { kind: "info" | "error"; text: string } | null;
  openPopover: (fieldId: string, anchor: PopoverAnchor, options?: { isNew?: boolean }) => void;
  closePopover: () => void;
  setPanel: (panel: SidePanel) => void;
  setFieldsFilter: (value: FieldsFilter) => void;
  /** The checks panel's way to show every field again. */
  setOnlyUnconfirmed: (value: boolean) => void;
  setFieldsWide: (value: boolean) => void;
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
  fieldsFilter: "all",
  fieldsWide: false,
  fileDialog: null,
  reportInfoOpen: false,
  importOpen: false,
  exportDialog: null,
  lastExport: null,
  pageCount: null,
  setPageCount: (pageCount) => set({ pageCount }),
  notice: null,
  openPopover: (fieldId, anchor, options) => set({ popover: { fieldId, anchor, isNew: options?.isNew === true } }),
  closePopover: () => set({ popover: null }),
  setPanel: (panel) => set({ panel }),
  setFieldsFilter: (fieldsFilter) => set({ fieldsFilter }),
  setOnlyUnconfirmed: (only) => set({ fieldsFilter: only ? "unconfirmed" : "all" }),
  setFieldsWide: (fieldsWide) => set({ fieldsWide }),
  setFileDialog: (fileDialog) => set({ fileDialog }),
  setReportInfoOpen: (reportInfoOpen) => set({ reportInfoOpen }),
  setImportOpen: (importOpen) => set({ importOpen }),
  setExportDialog: (exportDialog) => set({ exportDialog }),
  setLastExport: (lastExport) => set({ lastExport }),
  notify: (kind, text) => set({ notice: { kind, text } }),
  clearNotice: () => set({ notice: null }),
}));
