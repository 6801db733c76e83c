import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { FileMethodsServer, HostInfo, OpenPurpose } from "../../core/api/contract";
import { createReport } from "../../core/model/create-report";
import type { CoreDeps } from "../../core/model/deps";
import type { Report } from "../../core/model/report";
import { loadReportFile, REPORT_EXTENSION } from "../storage/report-file";
import { saveReportGuarded } from "../workflow/save-report-guarded";
import { listTemplateIds, loadTemplate } from "../templates/template-store";
import { listFolder } from "./list-folder";
import type { PathGuard } from "./path-guard";
import { createRecentFiles } from "./recent-files";
import { createRecoveryStore } from "./recovery-store";

/** Native file dialogs exist only in Electron; browser mode browses the chosen folders instead. */
export interface HostDialogs {
  chooseOpenPath: (purpose: OpenPurpose) => Promise<string | null>;
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export interface ReportServiceDeps {
  mode: HostInfo["mode"];
  guard: PathGuard;
  /** Where recent files and autosave copies live (never inside the user's folders). */
  stateDir: string;
  clock: CoreDeps;
  appVersion: string;
  dialogs?: HostDialogs;
  templatesDir?: string;
}

/** Implements the contract for files, templates, recent files and autosave recovery. */
export function createReportService(deps: ReportServiceDeps): FileMethodsServer {
  const { guard, clock } = deps;
  const recent = createRecentFiles(deps.stateDir);
  const recovery = createRecoveryStore(deps.stateDir);
  // The file itself is what matters: a recent list that cannot be written must not fail a save.
  const remember = (path: string, report: Report) =>
    recent
      .remember({ path, title: report.meta.title, org: report.meta.org, reportYear: report.meta.reportYear, openedAt: clock.now() })
      .catch(() => undefined);

  return {
    hostInfo: async () => ({
      mode: deps.mode,
      nativeDialogs: deps.dialogs !== undefined,
      folders: guard.folders(),
      appVersion: deps.appVersion,
    }),
    listTemplates: async () => {
      const ids = await listTemplateIds(deps.templatesDir);
      const templates = await Promise.all(ids.map((id) => loadTemplate(id, deps.templatesDir)));
      return templates.map((t) => ({ id: t.id, name: t.name, version: t.version }));
    },
    getTemplate: ({ templateId }) => loadTemplate(templateId, deps.templatesDir),
    newReport: async ({ templateId, org, year }) => {
      const template = await loadTemplate(templateId, deps.templatesDir);
      return { report: createReport(template, { org, year }, clock), path: null, migratedFrom: null };
    },
    openReport: async ({ path }) => {
      const real = await guard.check(path);
      const loaded = await loadReportFile(real);
      await remember(real, loaded.report);
      return { report: loaded.report, path: real, migratedFrom: loaded.migratedFrom };
    },
    saveReport: async ({ report, path }) => {
      const real = await guard.check(path);
      const savedAt = clock.now();
      // Guarded: an approved report's content and any sign-off history cannot be rewritten.
      await saveReportGuarded(real, { ...report, updatedAt: savedAt });
      await recovery.discard(report.id);
      await remember(real, report);
      return { path: real, savedAt };
    },
    listRecent: async () => {
      const entries = await recent.list();
      const allowed = await Promise.all(
        entries.map((e) =>
          guard.check(e.path).then(
            () => true,
            () => false,
          ),
        ),
      );
      return entries.filter((_, i) => allowed[i] === true);
    },
    listFolder: async ({ path }) => {
      return listFolder(await guard.check(path), path, (name) => (name.endsWith(REPORT_EXTENSION) ? "report" : null));
    },
    chooseOpenPath: async ({ purpose }) => {
      const path = await requireDialogs(deps.dialogs).chooseOpenPath(purpose);
      if (path !== null) await allowFolderOf(guard, path);
      return { path };
    },
    chooseSavePath: async ({ suggestedName }) => {
      const path = await requireDialogs(deps.dialogs).chooseSavePath(suggestedName);
      if (path !== null) await allowFolderOf(guard, path);
      return { path };
    },
    writeRecovery: async ({ report, path }) => {
      const savedAt = clock.now();
      await mkdir(deps.stateDir, { recursive: true });
      await recovery.write(report, path, savedAt);
      return { savedAt };
    },
    listRecoveries: async () =>
      (await recovery.list()).map((r) => ({ reportId: r.report.id, title: r.report.meta.title, path: r.path, savedAt: r.savedAt })),
    readRecovery: async ({ reportId }) => {
      const found = await recovery.read(reportId);
      if (found === null) throw new NianbaoError("not_found", "找不到可恢复的内容。", `no recovery copy for ${reportId}`);
      return { report: found.report, path: found.path, migratedFrom: found.migratedFrom };
    },
    discardRecovery: async ({ reportId }) => {
      await recovery.discard(reportId);
      return { ok: true as const };
    },
  };
}

function requireDialogs(dialogs: HostDialogs | undefined): HostDialogs {
  if (dialogs === undefined) {
    throw new NianbaoError("unsupported", "浏览器模式下请在文件列表中选择。", "native dialogs are not available in browser mode");
  }
  return dialogs;
}

/** A path the user picked in a native dialog is their choice of folder. */
async function allowFolderOf(guard: PathGuard, path: string): Promise<void> {
  await guard.allow(dirname(path));
}
