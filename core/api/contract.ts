import { z } from "zod";
import { Report } from "../model/report";
import { Template } from "../model/template";

/** One RPC method: the zod schemas of its input and its output, which are also its types. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

export type Contract = Record<string, MethodSpec>;

/** What a caller sends and receives: the client validates outputs, the dispatcher both directions. */
export type ClientOf<C extends Contract> = {
  [K in keyof C]: (input: z.input<C[K]["input"]>) => Promise<z.output<C[K]["output"]>>;
};

/** What a service implements: it receives parsed input and may return output before defaults apply. */
export type ServerOf<C extends Contract> = {
  [K in keyof C]: (input: z.output<C[K]["input"]>) => Promise<z.input<C[K]["output"]>>;
};

/** An absolute path on the machine running the host; the host confines it to the user's folders. */
export const HostPath = z.string().min(1).max(4096);

export const TemplateSummary = z.object({ id: z.string(), name: z.string(), version: z.number().int() });
export type TemplateSummary = z.infer<typeof TemplateSummary>;

/** A report as the editor holds it: the content plus where it lives on disk (null until first saved). */
export const OpenedReport = z.object({
  report: Report,
  path: HostPath.nullable(),
  /** The schema version the file was upgraded from, so the UI can say so. */
  migratedFrom: z.number().int().nullable().default(null),
});
export type OpenedReport = z.infer<typeof OpenedReport>;

export const RecentFile = z.object({
  path: HostPath,
  title: z.string(),
  org: z.string(),
  reportYear: z.number().int(),
  openedAt: z.iso.datetime({ offset: true }),
});
export type RecentFile = z.infer<typeof RecentFile>;

export const RecoverySummary = z.object({
  reportId: z.string(),
  title: z.string(),
  path: HostPath.nullable(),
  savedAt: z.iso.datetime({ offset: true }),
});
export type RecoverySummary = z.infer<typeof RecoverySummary>;

export const FolderEntry = z.object({
  name: z.string(),
  path: HostPath,
  kind: z.enum(["folder", "report"]),
});
export type FolderEntry = z.infer<typeof FolderEntry>;

/** What the front door offers: native dialogs in Electron, folder browsing in browser mode. */
export const HostInfo = z.object({
  mode: z.enum(["electron", "browser"]),
  nativeDialogs: z.boolean(),
  /** The folders the user allowed this host to read and write. */
  folders: z.array(HostPath),
  appVersion: z.string(),
});
export type HostInfo = z.infer<typeof HostInfo>;

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

/** Files, templates, recent files and autosave recovery (host/services/report-service.ts). */
export const fileMethods = {
  hostInfo: method(Empty, HostInfo),
  listTemplates: method(Empty, z.array(TemplateSummary)),
  getTemplate: method(z.object({ templateId: z.string().min(1).max(64) }), Template),
  newReport: method(
    z.object({
      templateId: z.string().min(1).max(64),
      org: z.string().trim().min(1, "请填写发文机关").max(100),
      year: z.number().int().min(1990).max(2200),
    }),
    OpenedReport,
  ),
  openReport: method(z.object({ path: HostPath }), OpenedReport),
  saveReport: method(
    z.object({ report: Report, path: HostPath.refine((p) => p.endsWith(".nianbao"), "文件名须以 .nianbao 结尾") }),
    z.object({ path: HostPath, savedAt: z.iso.datetime({ offset: true }) }),
  ),
  listRecent: method(Empty, z.array(RecentFile)),
  listFolder: method(z.object({ path: HostPath }), z.array(FolderEntry)),
  /** Native open dialog (Electron); null when the user cancels. Browser mode answers `unsupported`. */
  chooseOpenPath: method(Empty, z.object({ path: HostPath.nullable() })),
  chooseSavePath: method(z.object({ suggestedName: z.string().max(200) }), z.object({ path: HostPath.nullable() })),
  writeRecovery: method(z.object({ report: Report, path: HostPath.nullable() }), z.object({ savedAt: z.iso.datetime({ offset: true }) })),
  listRecoveries: method(Empty, z.array(RecoverySummary)),
  readRecovery: method(z.object({ reportId: z.string().min(1).max(64) }), OpenedReport),
  discardRecovery: method(z.object({ reportId: z.string().min(1).max(64) }), Ok),
} as const;

/**
 * The one service contract the renderer, the Electron main process, the loopback HTTP host and the
 * CLI share (architecture.md §3). Each feature contributes a method group; its service implements
 * ServerOf<group> and is composed in host/services/host-services.ts. Every transport (IPC, HTTP,
 * in-process) and the typed client pick new methods up without further wiring.
 */
export const reportApi = {
  ...fileMethods,
} as const;

export type ReportApi = ClientOf<typeof reportApi>;
export type ReportApiServer = ServerOf<typeof reportApi>;
export type FileMethodsServer = ServerOf<typeof fileMethods>;
export type ReportMethod = keyof typeof reportApi;
