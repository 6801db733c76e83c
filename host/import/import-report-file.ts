import { extname } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { buildImportedReport } from "../../core/import/build-imported-report";
import type { ImportNotice } from "../../core/import/import-notice";
import { recognizeReport, type RecognizedReport } from "../../core/import/recognize-report";
import { rollForward } from "../../core/import/roll-forward";
import type { CoreDeps } from "../../core/model/deps";
import type { Report } from "../../core/model/report";
import { assertWithinReportLimits, measureReportText, REPORT_LIMITS } from "../../core/model/report-limits";
import type { Template } from "../../core/model/template";
import { loadReportFile, REPORT_EXTENSION, serializeReport } from "../storage/report-file";
import { readSourceDocument, type SourceFormat } from "./read-source-document";

export interface ImportReportOptions {
  template: Template;
  deps: CoreDeps;
  /** Start next year's report from this one (year + 1, values moved to last year, all unconfirmed). */
  rollForward?: boolean;
  /** Report year of the file when recognition finds none. */
  year?: number;
  /** 发文机关 when recognition finds none. */
  org?: string;
}

export interface ImportReportResult {
  report: Report;
  format: SourceFormat | "nianbao";
  /** What recognition found in a .docx/.md/.txt file (null for a .nianbao file). */
  recognized: RecognizedReport | null;
  notices: ImportNotice[];
}

/** Recognises a .docx/.md/.txt report without building a Report (what `inspect` shows). */
export async function recognizeReportFile(
  path: string,
  template: Template,
): Promise<{ recognized: RecognizedReport; format: SourceFormat; notices: ImportNotice[] }> {
  const source = await readSourceDocument(path);
  const recognized = recognizeReport(source.blocks, template);
  return { recognized, format: source.format, notices: [...source.notices, ...recognized.notices] };
}

/**
 * Loads last year's report from a Word, text, Markdown or .nianbao file, optionally rolled forward
 * into next year's. Reads only; nothing is written, so a failure leaves every file as it was.
 */
export async function importReportFile(path: string, options: ImportReportOptions): Promise<ImportReportResult> {
  let report: Report;
  let recognized: RecognizedReport | null = null;
  let notices: ImportNotice[] = [];
  let format: ImportReportResult["format"];
  if (extname(path).toLowerCase() === REPORT_EXTENSION) {
    report = (await loadReportFile(path)).report;
    format = "nianbao";
  } else {
    const result = await recognizeReportFile(path, options.template);
    recognized = result.recognized;
    notices = result.notices;
    format = result.format;
    const overrides = {
      ...(options.year === undefined ? {} : { year: options.year }),
      ...(options.org === undefined ? {} : { org: options.org }),
    };
    report = buildImportedReport(recognized, options.template, options.deps, overrides);
    if (recognized.org === null && options.org === undefined) {
      notices.push({
        zh: "未能识别发文机关，请在报告信息中填写。",
        en: "the issuing organisation was not recognised; fill it in the report info",
      });
    }
  }
  if (options.rollForward === true) {
    report = rollForward(report, options.deps, options.template);
    const carried = options.template.carryForward.filter(({ to }) => report.fields[to]?.value != null).length;
    if (carried > 0)
      notices.push({
        zh: `已按上年报告预填 ${carried} 个单元格（如本年“上年结转”取自上年“结转下年度继续办理”），待核对确认。`,
        en: `${carried} cells were prefilled from last year's report (carried-over requests); confirm them`,
      });
  }
  assertOpenable(report, path);
  return { report, format, recognized, notices };
}

/** A report that could not be opened again is refused here, by the very limits opening applies. */
function assertOpenable(report: Report, path: string): void {
  assertWithinReportLimits(measureReportText(report), path);
  const bytes = Buffer.byteLength(serializeReport(report), "utf8");
  if (bytes > REPORT_LIMITS.fileBytes) {
    const limit = REPORT_LIMITS.fileBytes / 1048576;
    throw new NianbaoError(
      "file_too_large",
      `导入后的报告将达 ${Math.ceil(bytes / 1048576)} MB，超过年报文件的上限 ${limit} MB，已拒绝导入：${path}`,
      `the imported report would be ${bytes} bytes, beyond the ${limit} MB limit of a report file; refused: ${path}`,
    );
  }
}
