import { z } from "zod";
import { create } from "zustand";
import type { CollectImportResult } from "../../core/collect/returned-workbook";

export interface PopoverAnchor {
  left: number;
  top: number;
  bottom: number;
  /** The chip's position in the document, when known: the caret goes right after it on close. */
  pos?: number;
}

export type FieldsFilter = "all" | "unconfirmed" | "sameAsLastYear" | "abnormal";
/** From this width on, the 字段 panel is the wide spreadsheet. */
export const WIDE_FIELDS_MIN = 600;
export type FileDialogMode = "open" | "save" | null;
export type ExportFormat = "docx" | "pdf";
/** One returned workbook as the 数据征集 dialog lists it: what it did, or why it was refused. */
export type CollectRead =
  { fileName: string; result: CollectImportResult; error: null } | { fileName: string; result: null; error: string };

/** The files of the last export, which 签发 offers to sign. */
export interface LastExport {
  docx: string | null;
  pdf: string | null;
  pages: number;
}

const SIDE_LAYOUT_KEY = "nianbao.sideLayout";
const SidePanelName = z.enum(["outline", "fields", "checks", "signoff", "compare", "overview"]);
export type SidePanel = z.infer<typeof SidePanelName>;
/** The side column's widths as the clerk dragged them, kept across sessions in this browser. */
const SideLayout = z.object({
  widths: z.partialRecord(SidePanelName, z.number().int().min(0).max(4000)).default({}),
  fieldsWide: z.boolean().default(false),
});
type SideLayout = z.infer<typeof SideLayout>;

function loadSideLayout(): SideLayout {
  try {
    const parsed = SideLayout.safeParse(JSON.parse(globalThis.localStorage?.getItem(SIDE_LAYOUT_KEY) ?? "{}"));
    return parsed.success ? parsed.data : SideLayout.parse({});
  } catch {
    // Unreadable storage (private mode, a damaged entry): the default layout.
    return SideLayout.parse({});
  }
}

function saveSideLayout(layout: SideLayout): void {
  try {
    globalThis.localStorage?.setItem(SIDE_LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or refused: the width still applies in this window.
  }
}

/** Ephemeral UI state: never saved, never mixed with the report (the side column's width is kept per browser). */
export interface UiState {
  /** isNew: opened by 插入字段; Esc on it while still empty takes the chip and its record back. */
  popover: { fieldId: string; anchor: PopoverAnchor; isNew: boolean } | null;
  panel: SidePanel;
  /** The 字段 panel's filter. */
  fieldsFilter: FieldsFilter;
  /** The 字段 panel widened to a spreadsheet. */
  fieldsWide: boolean;
  /** Side column widths in px the clerk dragged (or set with the arrow keys), per panel. */
  sideWidths: Partial<Record<SidePanel, number>>;
  setSideWidth: (panel: SidePanel, width: number) => void;
  fileDialog: FileDialogMode;
  reportInfoOpen: boolean;
  importOpen: boolean;
  exportDialog: ExportFormat | null;
  /** The 数据征集 dialog. */
  collectOpen: boolean;
  /** The last batch of returned workbooks read (dropped or chosen), file by file. */
  collectReads: CollectRead[] | null;
  /** What is being done with returned workbooks, while it is. */
  collectBusy: string | null;
  setCollectOpen: (open: boolean) => void;
  setCollectReads: (reads: CollectRead[] | null) => void;
  setCollectBusy: (busy: string | null) => void;
  /** The 汇总各乡镇 dialog (a county report rolled up from the towns' reports). */
  rollupOpen: boolean;
  setRollupOpen: (open: boolean) => void;
  lastExport: LastExport | null;
  /** Pages of the last preview or PDF export, and the report revision it was laid out from. */
  pageCount: { pages: number; revision: number } | null;
  setPageCount: (count: { pages: number; revision: number } | null) => void;
  notice: { kind: "info" | "error"; text: string } | null;
  /**
   * Cells of a statutory table to select (a finding's cells, a field located from a panel); the
   * table shows them selected and takes the keyboard at the first. `serial` makes a repeated
   * click on the same finding select again.
   */
  cellSelection: { fieldIds: readonly string[]; serial: number } | null;
  selectCells: (fieldIds: readonly string[]) => void;
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

const initialLayout = loadSideLayout();

export const useUiStore = create<UiState>()((set, get) => ({
  popover: null,
  panel: "outline",
  fieldsFilter: "all",
  fieldsWide: initialLayout.fieldsWide,
  sideWidths: initialLayout.widths,
  setSideWidth: (panel, width) => {
    const sideWidths = { ...get().sideWidths, [panel]: Math.round(width) };
    // Dragged wide enough, the 字段 panel lays its table out as the spreadsheet (加宽 pressed).
    const fieldsWide = panel === "fields" ? width >= WIDE_FIELDS_MIN : get().fieldsWide;
    set({ sideWidths, fieldsWide });
    saveSideLayout({ widths: sideWidths, fieldsWide });
  },
  fileDialog: null,
  reportInfoOpen: false,
  importOpen: false,
  exportDialog: null,
  collectOpen: false,
  collectReads: null,
  collectBusy: null,
  setCollectOpen: (collectOpen) => set({ collectOpen }),
  setCollectReads: (collectReads) => set({ collectReads }),
  setCollectBusy: (collectBusy) => set({ collectBusy }),
  rollupOpen: false,
  setRollupOpen: (rollupOpen) => set({ rollupOpen }),
  lastExport: null,
  pageCount: null,
  setPageCount: (pageCount) => set({ pageCount }),
  notice: null,
  cellSelection: null,
  selectCells: (fieldIds) => set({ cellSelection: { fieldIds, serial: (get().cellSelection?.serial ?? 0) + 1 } }),
  openPopover: (fieldId, anchor, options) => set({ popover: { fieldId, anchor, isNew: options?.isNew === true } }),
  closePopover: () => set({ popover: null }),
  setPanel: (panel) => set({ panel }),
  setFieldsFilter: (fieldsFilter) => set({ fieldsFilter }),
  setOnlyUnconfirmed: (only) => set({ fieldsFilter: only ? "unconfirmed" : "all" }),
  setFieldsWide: (fieldsWide) => {
    // 加宽 / 收窄 are presets: they replace a dragged width of the 字段 panel.
    const { fields: _dragged, ...sideWidths } = get().sideWidths;
    set({ fieldsWide, sideWidths });
    saveSideLayout({ widths: sideWidths, fieldsWide });
  },
  setFileDialog: (fileDialog) => set({ fileDialog }),
  setReportInfoOpen: (reportInfoOpen) => set({ reportInfoOpen }),
  setImportOpen: (importOpen) => set({ importOpen }),
  setExportDialog: (exportDialog) => set({ exportDialog }),
  setLastExport: (lastExport) => set({ lastExport }),
  notify: (kind, text) => set({ notice: { kind, text } }),
  clearNotice: () => set({ notice: null }),
}));
