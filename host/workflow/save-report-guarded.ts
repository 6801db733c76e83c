import { resolve } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { Report } from "../../core/model/report";
import { approvalStatus } from "../../core/workflow/approval-status";
import { assertChangeAllowed } from "../../core/workflow/assert-editable";
import { withReportLock, type LockOptions } from "../storage/report-lock";
import { loadReportFile, readReportFile, seenVersionOf, writeReportFileLocked, type LoadedReport } from "../storage/report-file";

export interface GuardedSaveOptions extends LockOptions {
  /**
   * The version (LoadedReport.version) the change was made to. Defaults to the version this
   * process last read or wrote; when the file on disk is no longer that version, the save is
   * refused instead of overwriting another writer's change.
   */
  expectedVersion?: string;
}

/**
 * The one way a changed report reaches the disk (CLI commands, the editor's save service):
 * under the report's lock, refuses to replace a file another program changed since it was read,
 * then compares the report with the file it replaces and refuses content changes to an approved
 * report and any rewrite of the sign-off history. New files and workflow steps pass.
 */
export async function saveReportGuarded(path: string, report: Report, options: GuardedSaveOptions = {}): Promise<void> {
  await withReportLock(path, () => saveLocked(path, report, options.expectedVersion ?? seenVersionOf(path)), options);
}

/**
 * Load, change, save as one step under the report's lock, so no other writer's save can fall in
 * between: what a command that edits a report (fields --set, plans, workflow) should call.
 * `change` gets the report as it is on disk now and returns the changed one (or throws to write
 * nothing); the saved report is returned.
 */
export async function updateReportFile(
  path: string,
  change: (loaded: LoadedReport) => Report | Promise<Report>,
  options: LockOptions = {},
): Promise<Report> {
  return withReportLock(
    path,
    async () => {
      const loaded = await loadReportFile(path);
      const next = await change(loaded);
      await saveLocked(path, next, loaded.version);
      return next;
    },
    options,
  );
}

async function saveLocked(path: string, report: Report, expectedVersion: string | undefined): Promise<void> {
  const before = await loadExisting(path);
  if (expectedVersion !== undefined && before !== null && before.version !== expectedVersion) {
    throw new NianbaoError(
      "report_locked",
      `文件在读取后已被其他程序或窗口修改，为免覆盖他人的改动，未保存：${resolve(path)}。请重新打开该文件，再做修改。`,
      `the file was changed by another program since it was read; not saved, so as not to overwrite that change: ${resolve(path)}. Open it again and redo the change`,
    );
  }
  if (before !== null) {
    assertChangeAllowed(before.report, report);
  } else if (approvalStatus(report).modifiedSinceApproval === true) {
    throw new NianbaoError(
      "report_locked",
      "报告内容与签发时不一致，未保存。如需修改，请创建修订稿并重新签发。",
      "the report's content does not match its approval; not saved (create a revision first)",
    );
  }
  await writeReportFileLocked(path, report);
}

async function loadExisting(path: string): Promise<LoadedReport | null> {
  try {
    return await readReportFile(path);
  } catch (error) {
    // Nothing to compare with: a new file, or a damaged one whose .bak keeps the old version.
    if (error instanceof NianbaoError && (error.code === "not_found" || error.code === "file_corrupt")) return null;
    throw error;
  }
}
