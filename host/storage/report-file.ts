import { access, readFile, stat } from "node:fs/promises";
import { NianbaoError } from "../../core/api/errors";
import { migrateReport, type MigratedReport } from "../../core/model/migrate-report";
import { Report } from "../../core/model/report";
import { describeIssues } from "../../core/model/zod-issues";
import { backupPathOf, writeFileAtomic, type AtomicWriteOptions } from "./atomic-write";

export const REPORT_EXTENSION = ".nianbao";

/** Far above any real report (the fixture is 30 KB as JSON); guards against opening the wrong file. */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadedReport extends MigratedReport {
  path: string;
}

/** Serialises a validated report the way every .nianbao file is written. */
export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Saves atomically, keeping the previous version as `<file>.bak`. Refuses to write an invalid report. */
export async function saveReportFile(path: string, report: Report, options: Pick<AtomicWriteOptions, "beforeRename"> = {}): Promise<void> {
  const checked = Report.safeParse(report);
  if (!checked.success) {
    const detail = describeIssues(checked.error);
    throw new NianbaoError("invalid_input", `报告内容有误，未保存：\n${detail}`, `the report is invalid and was not saved:\n${detail}`);
  }
  try {
    await writeFileAtomic(path, serializeReport(checked.data), { backup: true, ...options });
  } catch (error) {
    if (error instanceof NianbaoError) throw error;
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError("io_error", `保存失败：${en}。原文件未被改动。`, `save failed: ${en}; the existing file was not changed`, { cause: error });
  }
}

/** Reads, validates and migrates a .nianbao file; a damaged file points at its .bak. */
export async function loadReportFile(path: string): Promise<LoadedReport> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new NianbaoError("not_found", `找不到文件：${path}`, `file not found: ${path}`, { cause: error });
  }
  if (size > MAX_REPORT_FILE_BYTES) {
    throw new NianbaoError("file_too_large", `文件过大（${Math.round(size / 1048576)} MB），不是年报文件。`, `file too large (${size} bytes) for a Nianbao report`);
  }
  if (size === 0) throw await corrupt(path, "文件为空", "the file is empty");
  let text: string;
  try {
    // Decoded strictly: a lossy decode would turn damaged bytes into U+FFFD and the next save would make that permanent.
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(path)).replace(/^\uFEFF/, "");
  } catch {
    throw await corrupt(path, "文件已损坏（不是有效的 UTF-8 文本），无法读取", "the file is damaged (not valid UTF-8 text)");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const en = error instanceof Error ? error.message : String(error);
    throw await corrupt(path, "文件已损坏，无法读取", `the file is damaged (${en})`);
  }
  try {
    return { path, ...migrateReport(raw) };
  } catch (error) {
    if (error instanceof NianbaoError && error.code === "file_invalid") {
      throw await corrupt(path, error.zh, error.message);
    }
    throw error;
  }
}

async function corrupt(path: string, zh: string, en: string): Promise<NianbaoError> {
  const bak = backupPathOf(path);
  const hasBackup = await access(bak).then(() => true, () => false);
  return new NianbaoError(
    "file_corrupt",
    hasBackup ? `${zh}：${path}\n上一次保存的版本仍在：${bak}，可打开该备份。` : `${zh}：${path}`,
    hasBackup ? `${en}: ${path}; the previous version is kept in ${bak}` : `${en}: ${path}`,
    hasBackup ? { hint: bak } : {},
  );
}
