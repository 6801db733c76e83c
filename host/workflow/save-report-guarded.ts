import { NianbaoError } from "../../core/api/errors";
import type { Report } from "../../core/model/report";
import { approvalStatus } from "../../core/workflow/approval-status";
import { assertChangeAllowed } from "../../core/workflow/assert-editable";
import { loadReportFile, saveReportFile } from "../storage/report-file";

/**
 * The one way a changed report reaches the disk (CLI commands, the editor's save service):
 * compares it with the file it replaces and refuses content changes to an approved report and
 * any rewrite of the sign-off history. New files and workflow steps pass.
 */
export async function saveReportGuarded(path: string, report: Report): Promise<void> {
  const before = await loadExisting(path);
  if (before !== null) {
    assertChangeAllowed(before, report);
  } else if (approvalStatus(report).modifiedSinceApproval === true) {
    throw new NianbaoError(
      "report_locked",
      "报告内容与签发时不一致，未保存。如需修改，请创建修订稿并重新签发。",
      "the report's content does not match its approval; not saved (create a revision first)",
    );
  }
  await saveReportFile(path, report);
}

async function loadExisting(path: string): Promise<Report | null> {
  try {
    return (await loadReportFile(path)).report;
  } catch (error) {
    // Nothing to compare with: a new file, or a damaged one whose .bak keeps the old version.
    if (error instanceof NianbaoError && (error.code === "not_found" || error.code === "file_corrupt")) return null;
    throw error;
  }
}
