import { basename, dirname, join } from "node:path";
import { MAX_UPLOAD_BYTES } from "../../core/api/contract";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { CollectMethodsServer } from "../../core/api/contract";
import type { CoreDeps } from "../../core/model/deps";
import { loadReportFile } from "../storage/report-file";
import { importAnswers } from "../collect/import-answers";
import { rollupReports } from "../collect/rollup-reports";
import { writeDataRequests } from "../collect/write-data-requests";
import { COLLECT_LIMITS } from "../collect/collect-limits";
import type { PathGuard } from "./path-guard";
import { createUploadStore } from "./upload-store";

export interface CollectServiceDeps {
  guard: PathGuard;
  clock: CoreDeps;
  templatesDir?: string;
  /** Where uploads are written (the host's own folder); `<state>/uploads` by default; the CLI has none. */
  uploadDir?: string;
  stateDir?: string;
}

/** 数据征集: data-request workbooks out, returned ones read back; 汇总各乡镇: town reports rolled up (host/collect). */
export function createCollectService(deps: CollectServiceDeps): CollectMethodsServer {
  // A drop of every department's workbook at once is one batch; uploads are deleted once read.
  const uploadDir = deps.uploadDir ?? (deps.stateDir === undefined ? null : join(deps.stateDir, "uploads"));
  const uploads = uploadDir === null ? null : createUploadStore(uploadDir, COLLECT_LIMITS.files);
  const upload = async ({ name, dataBase64 }: { name: string; dataBase64: string }) => {
    if (uploads === null) throw new NianbaoError("unsupported", "此处不能上传文件。", "no upload folder here");
    const bytes = Buffer.from(dataBase64, "base64");
    if (bytes.length === 0)
      throw new NianbaoError("invalid_input", `${basename(name)}：文件是空的，未读取。`, "the uploaded file is empty");
    if (bytes.length > MAX_UPLOAD_BYTES)
      throw new NianbaoError("file_too_large", `${basename(name)}：文件过大（上限 20 MB），未读取。`, "upload too large");
    return { uploadId: await uploads.put(name, bytes) };
  };
  /** Paths the guard lets through and uploads still held, each with the name to show for it. */
  const filesOf = async (files: readonly string[], uploadIds: readonly string[], what: string) => {
    const checked: { path: string; name: string }[] = [];
    for (const file of files) {
      const safe = await deps.guard.check(file);
      checked.push({ path: safe, name: basename(safe) });
    }
    for (const id of uploadIds) {
      const held = uploads?.get(id);
      if (held === undefined)
        throw new NianbaoError("not_found", `上传的文件已失效，请重新选择文件。${what}未改动。`, `unknown upload ${id}`);
      checked.push(held);
    }
    return checked;
  };
  const templates = deps.templatesDir === undefined ? {} : { templatesDir: deps.templatesDir };
  return {
    uploadAnswerWorkbook: upload,
    uploadTownReport: upload,
    writeDataRequests: async ({ path, outDir, force }) => {
      const real = await deps.guard.check(path);
      // The folder itself may not exist yet: its parent must be one the user chose.
      const out = await deps.guard.check(outDir);
      await deps.guard.check(dirname(out));
      const { report } = await loadReportFile(real);
      return writeDataRequests(report, out, { force, clock: deps.clock });
    },
    importAnswers: async ({ path, files, uploads: uploadIds, acceptFormulas }) => {
      try {
        const real = await deps.guard.check(path);
        const checked = await filesOf(files, uploadIds, "报告");
        const done = await importAnswers(real, checked, { acceptFormulas, clock: deps.clock, ...templates });
        return { path: real, result: done.result, changed: done.changed };
      } finally {
        for (const id of uploadIds) await uploads?.drop(id);
      }
    },
    rollupReports: async ({ path, files, uploads: uploadIds, apply, only }) => {
      try {
        const real = await deps.guard.check(path);
        const checked = await filesOf(files, uploadIds, "汇总报告");
        const done = await rollupReports(real, checked, {
          apply,
          clock: deps.clock,
          ...(only === undefined ? {} : { only }),
          ...templates,
        });
        return { path: real, ...done };
      } finally {
        // A look at the sums keeps the towns' files for the 汇总 that follows it.
        if (apply) for (const id of uploadIds) await uploads?.drop(id);
      }
    },
  };
}
