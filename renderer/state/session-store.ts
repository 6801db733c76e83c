import type { Editor } from "@tiptap/core";
import { create } from "zustand";
import type { HostInfo, OpenedReport } from "../../core/api/contract";
import type { Template } from "../../core/model/template";
import type { ReportApi } from "../platform/api";
import type { UnifiedHistory } from "../editor/unified-history";
import { createReportStore, type ReportStore } from "./report-store";
import { readReportFromYDoc } from "../../core/collab/report-ydoc";
import { bindTeamStore } from "../team/bind-team-store";
import type { TeamConnection } from "../team/team-connection";

const OPEN_PATH_KEY = "nianbao.openPath";
const UNSAVED_REPORT_KEY = "nianbao.unsavedReportId";
const TEMPLATE_KEY = "nianbao.templateId";

export interface Session {
  store: ReportStore;
  /** Team mode: the report is a document on a team server (renderer/team). */
  team: TeamConnection | null;
  /** Distinguishes sessions so the editor remounts when another report (or a recovery) opens. */
  serial: number;
}

let nextSerial = 1;

/** The app shell: the API, the open report (if any) and the live editor that commands act on. */
export interface SessionState {
  api: ReportApi | null;
  hostInfo: HostInfo | null;
  session: Session | null;
  editor: Editor | null;
  history: UnifiedHistory | null;
  connect: (api: ReportApi, hostInfo: HostInfo) => void;
  /** `template`: the report's template when already fetched (a reload asks for it in parallel); used only if its id matches. */
  open: (opened: OpenedReport, options?: { startDirty?: boolean; template?: Template | null }) => Promise<void>;
  /** Opens a report on a team server, connected and synced. */
  openTeam: (team: TeamConnection) => Promise<void>;
  close: () => void;
  attachEditor: (editor: Editor | null, history: UnifiedHistory | null) => void;
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  api: null,
  hostInfo: null,
  session: null,
  editor: null,
  history: null,
  connect: (api, hostInfo) => set({ api, hostInfo }),
  open: async (opened, options = {}) => {
    const { api } = get();
    if (api === null) return;
    const templateId = opened.report.template.id;
    const template =
      options.template?.id === templateId ? options.template : await api.getTemplate({ templateId: opened.report.template.id });
    const store = createReportStore({ api, opened, template, ...(options.startDirty === true ? { startDirty: true } : {}) });
    rememberOpenPath(opened.path, opened.report.id, templateId);
    store.subscribe((state, previous) => {
      if (state.path !== previous.path) rememberOpenPath(state.path, state.report.id, templateId);
    });
    endSession(get().session);
    set({ session: { store, serial: nextSerial++, team: null }, editor: null, history: null });
  },
  openTeam: async (team) => {
    const { api } = get();
    let report: ReturnType<typeof readReportFromYDoc>;
    let template: Template;
    try {
      if (api === null) throw new Error("not connected to the host");
      report = readReportFromYDoc(team.doc);
      template = await api.getTemplate({ templateId: report.template.id });
    } catch (error) {
      // A document that is not a valid report (or a template this app lacks) is not opened, nor left connected.
      team.close();
      throw error;
    }
    const store = createReportStore({
      api,
      opened: { report, path: null, migratedFrom: null },
      template,
      team: { flush: () => team.whenAllConfirmed() },
    });
    rememberOpenPath(null, null, null);
    endSession(get().session);
    unbind = bindTeamStore(store, team);
    set({ session: { store, serial: nextSerial++, team }, editor: null, history: null });
  },
  close: () => {
    rememberOpenPath(null, null, null);
    endSession(get().session);
    set({ session: null, editor: null, history: null });
  },
  attachEditor: (editor, history) => set({ editor, history }),
}));

let unbind: (() => void) | null = null;

function endSession(session: Session | null): void {
  unbind?.();
  unbind = null;
  session?.team?.close();
}

/**
 * So that reloading the page (browser mode) reopens the report that was open: from its file, or,
 * while it has never been saved, from its autosaved copy.
 */
function rememberOpenPath(path: string | null, unsavedReportId: string | null, templateId: string | null): void {
  if (path === null) sessionStorage.removeItem(OPEN_PATH_KEY);
  else sessionStorage.setItem(OPEN_PATH_KEY, path);
  if (templateId === null) sessionStorage.removeItem(TEMPLATE_KEY);
  else sessionStorage.setItem(TEMPLATE_KEY, templateId);
  if (path !== null || unsavedReportId === null) sessionStorage.removeItem(UNSAVED_REPORT_KEY);
  else sessionStorage.setItem(UNSAVED_REPORT_KEY, unsavedReportId);
}

export function rememberedOpenPath(): string | null {
  return sessionStorage.getItem(OPEN_PATH_KEY);
}

/** The template of the remembered report, so a reload can fetch it together with the report. */
export function rememberedTemplateId(): string | null {
  return sessionStorage.getItem(TEMPLATE_KEY);
}

export function rememberedUnsavedReport(): string | null {
  return sessionStorage.getItem(UNSAVED_REPORT_KEY);
}
