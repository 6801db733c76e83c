import { basename, extname, join } from "node:path";
import { MAX_UPLOAD_BYTES, type ImportMethodsServer, type ImportPreview, type ImportSource } from "../../core/api/contract";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { inlineText } from "../../core/doc/inline-text";
import { fieldTextResolver } from "../../core/fields/field-text";
import type { CoreDeps } from "../../core/model/deps";
import type { Report } from "../../core/model/report";
import { importReportFile } from "../import/import-report-file";
import { REPORT_EXTENSION } from "../storage/report-file";
import { chooseImportTemplate } from "../import/choose-import-template";
import { listFolder } from "./list-folder";
import type { PathGuard } from "./path-guard";
import { createUploadStore } from "./upload-store";

const IMPORTABLE = new Set([".docx", ".md", ".txt", REPORT_EXTENSION]);
/** Uploads are kept only until the next few imports; a clerk imports one file at a time. */
const KEPT_UPLOADS = 4;

export interface ImportServiceDeps {
  guard: PathGuard;
  stateDir: string;
  /** Where uploads are written (a host's own folder, removed when it stops); `<state>/uploads` by default. */
  uploadDir?: string;
  clock: CoreDeps;
  templatesDir?: string;
}

/**
 * Last year's report into the editor. Files come from the allowed folders, or, when the page had
 * a file dropped on it (browser mode cannot see its path), as bytes written to a private upload
 * folder under the host's state directory.
 */
export function createImportService(deps: ImportServiceDeps): ImportMethodsServer {
  const uploads = createUploadStore(deps.uploadDir ?? join(deps.stateDir, "uploads"), KEPT_UPLOADS);

  const resolveSource = async (source: ImportSource): Promise<string> => {
    if ("path" in source) return deps.guard.check(source.path);
    const upload = uploads.get(source.uploadId);
    if (upload === undefined)
      throw new NianbaoError("not_found", "上传的文件已失效，请重新选择文件。", `unknown upload ${source.uploadId}`);
    return upload.path;
  };
  const load = async (source: ImportSource, rollForward: boolean) => {
    const path = await resolveSource(source);
    if (!IMPORTABLE.has(extname(path).toLowerCase())) {
      throw new NianbaoError("invalid_input", "只能导入 .docx、.md、.txt 或 .nianbao 文件。", `cannot import ${basename(path)}`);
    }
    const template = await chooseImportTemplate(path, undefined, deps.templatesDir);
    return { path, ...(await importReportFile(path, { template, deps: deps.clock, rollForward })) };
  };

  return {
    uploadImportFile: async ({ name, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, "base64");
      if (bytes.length === 0) throw new NianbaoError("invalid_input", "文件是空的。", "the uploaded file is empty");
      if (bytes.length > MAX_UPLOAD_BYTES) throw new NianbaoError("file_too_large", "文件过大（上限 20 MB）。", "upload too large");
      return { uploadId: await uploads.put(name, bytes) };
    },
    listImportable: async ({ path }) => {
      const fileKind = (name: string) =>
        !IMPORTABLE.has(extname(name).toLowerCase()) ? null : name.endsWith(REPORT_EXTENSION) ? "report" : "document";
      // Word's lock files (~$报告.docx) sit beside an open document and are no report.
      return listFolder(await deps.guard.check(path), path, fileKind, (name) => name.startsWith("~$"));
    },
    previewImport: async ({ source }) => {
      const result = await load(source, false);
      const name = "uploadId" in source ? (uploads.get(source.uploadId)?.name ?? "上传的文件") : basename(result.path);
      return describeImport(
        name,
        result.format,
        result.report,
        result.notices.map((n) => n.zh),
      );
    },
    importReport: async ({ source, rollForward }) => {
      const result = await load(source, rollForward);
      return { report: result.report, path: null, migratedFrom: null, notices: result.notices.map((n) => n.zh) };
    },
  };
}

/** The recognised parts (with how much text each holds) and numbers, as the preview lists them. */
export function describeImport(fileName: string, format: ImportPreview["format"], report: Report, notices: string[]): ImportPreview {
  const text = fieldTextResolver(report);
  const parts = report.body.content.flatMap((node) => {
    if (node.type !== "part") return [];
    const [first, ...rest] = node.content;
    return [
      { partId: node.attrs.partId, heading: first?.type === "heading" ? inlineText(first.content, text) : "", paragraphs: rest.length },
    ];
  });
  const fields = Object.values(report.fields).map((f) => ({ label: f.label, shown: text(f.id, "value") ?? "【缺数】" }));
  return { fileName, format, title: report.meta.title, org: report.meta.org, reportYear: report.meta.reportYear, parts, fields, notices };
}
