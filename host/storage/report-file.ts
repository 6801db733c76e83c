import { createHash } from "node:crypto";
import { access, readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { fileError, NianbaoError } from "../../core/errors/nianbao-error";
import { migrateReport, type MigratedReport } from "../../core/model/migrate-report";
import { Report } from "../../core/model/report";
import { assertWithinReportLimits, measureReportText, REPORT_LIMITS } from "../../core/model/report-limits";
import { describeIssues } from "../../core/model/zod-issues";
import { backupPathOf, removeStaleTemps, writeFileAtomic, type AtomicWriteOptions } from "./atomic-write";
import { isReportLocked, withReportLock } from "./report-lock";

export const REPORT_EXTENSION = ".nianbao";

/** Far above any real report (the fixture is 30 KB as JSON); guards against opening the wrong file. */
export const MAX_REPORT_FILE_BYTES = REPORT_LIMITS.fileBytes;

export interface LoadedReport extends MigratedReport {
  path: string;
  /** SHA-256 of the bytes read: what a later save compares the file with (compare-and-swap). */
  version: string;
}

/**
 * The version of each file this process last read or wrote, by absolute path. A save refuses to
 * replace a file that has changed since (another program saved it in between), so two writers
 * never both succeed with one update lost, whichever way the caller loaded the report.
 */
const seenVersions = new Map<string, string>();

export function versionOf(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The version of `path` this process last read or wrote; undefined if it never did. */
export function seenVersionOf(path: string): string | undefined {
  return seenVersions.get(resolve(path));
}

/** Serialises a validated report the way every .nianbao file is written. */
export function serializeReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Saves atomically under the report's lock, keeping the previous version as `<file>.bak`. Refuses to write an invalid report. */
export async function saveReportFile(path: string, report: Report, options: Pick<AtomicWriteOptions, "beforeRename"> = {}): Promise<void> {
  await withReportLock(path, () => writeReportFileLocked(path, report, options));
}

/**
 * The save itself, for a caller that already holds the report's lock (host/workflow's guarded
 * save): validates, clears temp files killed saves left, writes atomically and records the new version.
 */
export async function writeReportFileLocked(
  path: string,
  report: Report,
  options: Pick<AtomicWriteOptions, "beforeRename"> = {},
): Promise<void> {
  const checked = Report.safeParse(report);
  if (!checked.success) {
    const detail = describeIssues(checked.error);
    throw new NianbaoError("invalid_input", `报告内容有误，未保存：\n${detail}`, `the report is invalid and was not saved:\n${detail}`);
  }
  const text = serializeReport(checked.data);
  await removeStaleTemps(path);
  try {
    await writeFileAtomic(path, text, { backup: true, ...options });
  } catch (error) {
    const failed = fileError(error, path, "write");
    throw new NianbaoError(
      failed.code,
      `保存失败：${failed.zh}原文件未被改动。`,
      `save failed: ${failed.message}; the existing file was not changed`,
      { cause: error, ...(failed.hint === null ? {} : { hint: failed.hint }) },
    );
  }
  seenVersions.set(resolve(path), versionOf(text));
}

/** Reads, validates and migrates a .nianbao file; a damaged file points at its .bak. */
export async function loadReportFile(path: string): Promise<LoadedReport> {
  const loaded = await readReportFile(path);
  seenVersions.set(resolve(path), loaded.version);
  return loaded;
}

/** loadReportFile without remembering the version read (the guarded save's look at the file it replaces). */
export async function readReportFile(path: string): Promise<LoadedReport> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new NianbaoError("file_invalid", `这是一个文件夹，不是年报文件：${path}`, `this is a directory, not a Nianbao report: ${path}`);
    }
    if (!info.isFile()) throw new NianbaoError("file_invalid", `这不是普通文件，不是年报文件：${path}`, `not a regular file: ${path}`);
    size = info.size;
  } catch (error) {
    if (error instanceof NianbaoError) throw error;
    if (isCode(error, "ENOENT")) throw new NianbaoError("not_found", `找不到文件：${path}`, `file not found: ${path}`, { cause: error });
    throw fileError(error, path, "read");
  }
  const limit = REPORT_LIMITS.fileBytes / 1048576;
  if (size > REPORT_LIMITS.fileBytes) {
    throw new NianbaoError(
      "file_too_large",
      `文件过大（${Math.round(size / 1048576)} MB，上限 ${limit} MB），不是年报文件：${path}`,
      `file too large (${size} bytes; the limit is ${limit} MB) for a Nianbao report: ${path}`,
    );
  }
  if (size === 0) throw await corrupt(path, "文件为空", "the file is empty");
  // Temp files of saves that were killed: nobody is saving this file now, so they are leftovers.
  if (!(await isReportLocked(path))) await removeStaleTemps(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(error, path, "read");
  }
  let text: string;
  try {
    // Decoded strictly: a lossy decode would turn damaged bytes into U+FFFD and the next save would make that permanent.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
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
  // The limits an import is held to: what imports can be opened again, and nothing larger is.
  assertWithinReportLimits(measureReportText(raw), path);
  try {
    return { path, version: versionOf(bytes), ...migrateReport(raw) };
  } catch (error) {
    if (error instanceof NianbaoError && error.code === "file_invalid") {
      throw await corrupt(path, error.zh, error.message);
    }
    throw error;
  }
}

async function corrupt(path: string, zh: string, en: string): Promise<NianbaoError> {
  const bak = backupPathOf(path);
  const hasBackup = await access(bak).then(
    () => true,
    () => false,
  );
  return new NianbaoError(
    "file_corrupt",
    hasBackup ? `${zh}：${path}\n上一次保存的版本仍在：${bak}，可打开该备份。` : `${zh}：${path}`,
    hasBackup ? `${en}: ${path}; the previous version is kept in ${bak}` : `${en}: ${path}`,
    hasBackup ? { hint: bak } : {},
  );
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}
