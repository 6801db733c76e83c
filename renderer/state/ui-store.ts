import { create } from "zustand";

export interface PopoverAnchor {
  left: number;
  top: number;
  bottom: number;
}

export type SidePanel = "outline" | "fields";
export type FileDialogMode = "open" | "save" | null;

/** Ephemeral UI state: never saved, never mixed with the report. */
export interface UiState {
  popover: { fieldId: string; anchor: PopoverAnchor } | null;
  panel: SidePanel;
  onlyUnconfirmed: boolean;
  fileDialog: FileDialogMode;
  reportInfoOpen: boolean;
  notice: { kind: "info" | "error"; text: string } | null;
  openPopover: (fieldId: string, anchor: PopoverAnchor) => void;
  closePopover: () => void;
  setPanel: (panel: SidePanel) => void;
  setOnlyUnconfirmed: (value: boolean) => void;
  setFileDialog: (mode: FileDialogMode) => void;
  setReportInfoOpen: (open: boolean) => void;
  notify: (kind: "info" | "error", text: string) => void;
  clearNotice: () => void;
}

export const useUiStore = create<UiState>()((set) => ({
  popover: null,
  panel: "outline",
  onlyUnconfirmed: false,
  fileDialog: null,
  reportInfoOpen: false,
  notice: null,
  openPopover: (fieldId, anchor) => set({ popover: { fieldId, anchor } }),
  closePopover: () => set({ popover: null }),
  setPanel: (panel) => set({ panel }),
  setOnlyUnconfirmed: (onlyUnconfirmed) => set({ onlyUnconfirmed }),
  setFileDialog: (fileDialog) => set({ fileDialog }),
  setReportInfoOpen: (reportInfoOpen) => set({ reportInfoOpen }),
  notify: (kind, text) => set({ notice: { kind, text } }),
  clearNotice: () => set({ notice: null }),
}));
