import { z } from "zod";
import { CollectImportResult } from "../collect/returned-workbook";
import { Finding } from "../checks/finding";
import { MAX_ROLLUP_TOWNS, RollupResult } from "../collect/rollup-result";
import { FieldId } from "../model/field";
import { ReportEdit } from "../edits/report-edit";
import { LayoutProfile } from "../model/layout-profile";
import { Report } from "../model/report";
import { SignatureRecord } from "../model/signature-record";
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
  /** "document": a .docx, .md or .txt file that can be imported. */
  kind: z.enum(["folder", "report", "document"]),
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

/** What a native open dialog is for, which decides its file filter. */
export const OpenPurpose = z.enum(["report", "import", "certificate"]);
export type OpenPurpose = z.infer<typeof OpenPurpose>;

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
  chooseOpenPath: method(z.object({ purpose: OpenPurpose.default("report") }).strict(), z.object({ path: HostPath.nullable() })),
  chooseSavePath: method(z.object({ suggestedName: z.string().max(200) }), z.object({ path: HostPath.nullable() })),
  writeRecovery: method(z.object({ report: Report, path: HostPath.nullable() }), z.object({ savedAt: z.iso.datetime({ offset: true }) })),
  listRecoveries: method(Empty, z.array(RecoverySummary)),
  readRecovery: method(z.object({ reportId: z.string().min(1).max(64) }), OpenedReport),
  discardRecovery: method(z.object({ reportId: z.string().min(1).max(64) }), Ok),
} as const;

/** Where a file to import comes from: a path in an allowed folder, or bytes the page uploaded. */
export const ImportSource = z.union([z.object({ path: HostPath }), z.object({ uploadId: z.uuid() })]);
export type ImportSource = z.infer<typeof ImportSource>;

/** The largest file the page may upload for import (a Word report with images stays well below). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** What the clerk sees before confirming an import: the parts and numbers recognised in the file. */
export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(["docx", "md", "txt", "nianbao"]),
  title: z.string(),
  org: z.string(),
  reportYear: z.number().int(),
  parts: z.array(z.object({ partId: z.string().nullable(), heading: z.string(), paragraphs: z.number().int() })),
  fields: z.array(z.object({ label: z.string(), shown: z.string() })),
  notices: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** 导入上年报告 / 以上年报告为基础新建 (host/services/import-service.ts). */
export const importMethods = {
  uploadImportFile: method(
    z.object({
      name: z
        .string()
        .min(1)
        .max(255)
        .refine((n) => /\.(docx|md|txt|nianbao)$/i.test(n), "只能导入 .docx、.md、.txt 或 .nianbao 文件"),
      dataBase64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, "文件过大（上限 20 MB）"),
    }),
    z.object({ uploadId: z.uuid() }),
  ),
  listImportable: method(z.object({ path: HostPath }), z.array(FolderEntry)),
  previewImport: method(z.object({ source: ImportSource }), ImportPreview),
  importReport: method(z.object({ source: ImportSource, rollForward: z.boolean() }), OpenedReport.extend({ notices: z.array(z.string()) })),
} as const;

export const ExportedFont = z.object({ role: z.string(), requested: z.string(), used: z.string(), substituted: z.boolean() });
export type ExportedFont = z.infer<typeof ExportedFont>;

/** A chart of a few dozen bars is far below this; the bound keeps a request's body small. */
const CHART_IMAGE_MAX_CHARS = 16 * 1024 * 1024;

/** Word / PDF export, the paged preview and signing (host/services/export-service.ts). */
export const exportMethods = {
  exportReport: method(
    z.object({
      report: Report,
      docxPath: HostPath.optional(),
      pdfPath: HostPath.optional(),
      profile: LayoutProfile.optional(),
      /** The clerk's date (YYYY-MM-DD) for the checks that decide draft or final. */
      today: z.iso.date().optional(),
    }),
    z.object({
      docx: HostPath.nullable(),
      pdf: HostPath.nullable(),
      pages: z.number().int(),
      fonts: z.array(ExportedFont),
      /** Empty: the files are final; otherwise a draft, and these are why. */
      blocking: z.array(Finding),
    }),
  ),
  /**
   * 打印预览: the very PDF an export would write (printed once per page and reused by the export
   * that follows), for the app to show sheet by sheet.
   */
  previewReport: method(
    z.object({ report: Report, profile: LayoutProfile.optional() }),
    z.object({ pdfBase64: z.base64(), pages: z.number().int(), fonts: z.array(ExportedFont) }),
  ),
  /** Saves the 数据概览 chart as it is drawn: SVG text, or PNG bytes in base64. */
  saveChartImage: method(
    z.discriminatedUnion("format", [
      z.object({
        format: z.literal("svg"),
        path: HostPath.refine((p) => /\.svg$/i.test(p), "文件名须以 .svg 结尾"),
        svg: z.string().min(1).max(CHART_IMAGE_MAX_CHARS),
      }),
      z.object({
        format: z.literal("png"),
        path: HostPath.refine((p) => /\.png$/i.test(p), "文件名须以 .png 结尾"),
        pngBase64: z.base64().min(1).max(CHART_IMAGE_MAX_CHARS),
      }),
    ]),
    z.object({ path: HostPath }),
  ),
  /** Shows a file in the system's file manager (Electron); browser mode answers `unsupported`. */
  revealPath: method(z.object({ path: HostPath }), Ok),
  signExported: method(
    z.object({
      report: Report,
      pdfPath: HostPath.optional(),
      docxPath: HostPath.optional(),
      p12Path: HostPath,
      /** Used once in memory by the host; never stored or logged. */
      password: z.string().max(1024),
      signer: z.string().trim().min(1, "请填写签名人姓名").max(100),
    }),
    z.object({
      pdf: HostPath.nullable(),
      docx: HostPath.nullable(),
      docxSignature: HostPath.nullable(),
      subject: z.string(),
      signedAt: z.string(),
      revision: z.number().int(),
      /** To be added to the report (core/workflow/record-signature.ts) and saved. */
      record: SignatureRecord,
      /** The signed PDF verified again by the host, as `nianbao verify` words it; null without a PDF. */
      verification: z.object({ valid: z.boolean(), integrity: z.string(), chain: z.string() }).nullable(),
    }),
  ),
} as const;

/** Changes to a report file on disk: what the CLI's edit commands call (host/services/edit-service.ts). */
export const editMethods = {
  /**
   * Loads the report at `path`, applies `edits` in order with core/edits/apply-edit.ts (all or
   * none) and saves it through the same guard as saveReport.
   */
  editReportFile: method(
    z.object({ path: HostPath, edits: z.array(ReportEdit).min(1).max(1000) }).strict(),
    z.object({ report: Report, path: HostPath }),
  ),
} as const;

/** 数据征集: one workbook per department out, the returned ones read back (host/services/collect-service.ts). */
/** A file the page sends as bytes: its name (checked against `names`) and its content. */
function uploadInput(names: RegExp, message: string) {
  return z
    .object({
      name: z
        .string()
        .min(1)
        .max(255)
        .refine((n) => names.test(n), message),
      dataBase64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, "文件过大（上限 20 MB）"),
    })
    .strict();
}

export const collectMethods = {
  /** Writes one .xlsx per department named in the fields' `source` into `outDir`; the report is only read. */
  writeDataRequests: method(
    z.object({ path: HostPath, outDir: HostPath, force: z.boolean().default(false) }).strict(),
    z.object({
      files: z.array(z.object({ department: z.string(), path: HostPath, requestId: z.string(), fields: z.number().int() })),
      unassigned: z.array(z.string()),
    }),
  ),
  /** A returned workbook the page holds as bytes (dropped or chosen in browser mode), kept by the host until importAnswers reads it. */
  uploadAnswerWorkbook: method(
    // Old .xls and WPS files get through, so that the reader can say what to do with them.
    uploadInput(/\.(xlsx|xlsm|xls|et)$/i, "只能读取 Excel 工作簿（.xlsx）形式的数据征集表"),
    z.object({ uploadId: z.uuid() }),
  ),
  /** A town's report the page holds as bytes, kept by the host until rollupReports reads it. */
  uploadTownReport: method(
    uploadInput(/\.(nianbao|docx|doc|md|markdown|txt)$/i, "只能汇总年报文件（.nianbao）或 Word（.docx）、文本形式的乡镇报告"),
    z.object({ uploadId: z.uuid() }),
  ),
  /**
   * 汇总各乡镇: what the towns' reports (paths, or uploads) add up to in the county report; with
   * `apply` the values are written into it (unconfirmed, towns kept as provenance), all or none.
   */
  rollupReports: method(
    z
      .object({
        path: HostPath,
        files: z.array(HostPath).max(MAX_ROLLUP_TOWNS).default([]),
        /** From uploadTownReport; each is read once and then deleted. */
        uploads: z.array(z.uuid()).max(MAX_ROLLUP_TOWNS).default([]),
        apply: z.boolean().default(false),
        /** Only these county fields take the towns' figures (the rows the clerk ticked). */
        only: z.array(FieldId).max(2000).optional(),
      })
      .strict()
      .refine((input) => input.files.length + input.uploads.length > 0, "请指定要汇总的乡镇报告")
      .refine((input) => input.files.length + input.uploads.length <= MAX_ROLLUP_TOWNS, `一次最多汇总 ${MAX_ROLLUP_TOWNS} 份乡镇报告`),
    z.object({ path: HostPath, result: RollupResult, changed: z.boolean() }),
  ),
  /** Reads returned workbooks (paths, or uploads) into the report file, all or none: values land unconfirmed, conflicts are kept and listed. */
  importAnswers: method(
    z
      .object({
        path: HostPath,
        files: z.array(HostPath).max(500).default([]),
        /** From uploadAnswerWorkbook; each is read once and then deleted. */
        uploads: z.array(z.uuid()).max(500).default([]),
        /** Take a formula's cached result (flagged) instead of refusing the file. */
        acceptFormulas: z.boolean().default(false),
      })
      .strict()
      .refine((input) => input.files.length + input.uploads.length > 0, "请指定要读取的数据征集表")
      .refine((input) => input.files.length + input.uploads.length <= 500, "一次最多读取 500 份数据征集表"),
    // Without the report: callers need the summary (the app reopens the file), and the whole report is not validated twice more on the way out.
    z.object({ path: HostPath, result: CollectImportResult, changed: z.boolean() }),
  ),
} as const;

/**
 * The one service contract the renderer, the Electron main process, the loopback HTTP host and the
 * CLI share (architecture.md §3). Each feature contributes a method group; its service implements
 * ServerOf<group> and is composed in host/services/host-services.ts. Every transport (IPC, HTTP,
 * in-process) and the typed client pick new methods up without further wiring.
 */
export const reportApi = {
  ...fileMethods,
  ...importMethods,
  ...exportMethods,
  ...editMethods,
  ...collectMethods,
} as const;

export type ReportApi = ClientOf<typeof reportApi>;
export type ReportApiServer = ServerOf<typeof reportApi>;
export type FileMethodsServer = ServerOf<typeof fileMethods>;
export type ImportMethodsServer = ServerOf<typeof importMethods>;
export type ExportMethodsServer = ServerOf<typeof exportMethods>;
export type EditMethodsServer = ServerOf<typeof editMethods>;
export type CollectMethodsServer = ServerOf<typeof collectMethods>;
export type ReportMethod = keyof typeof reportApi;
