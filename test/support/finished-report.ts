import type { Report } from "../../core/model/report";
import { importReportFile } from "../../host/import/import-report-file";
import { fixedDeps } from "./deps";
import { FIXTURE_MARKDOWN } from "./report-from-markdown";
import { fazhiTemplate } from "./template";

/**
 * The published 2023 木渎镇 report imported as it stands: every part present, every number
 * confirmed, no check errors — a report that may be approved and signed.
 */
export async function finishedReport(): Promise<Report> {
  return (await importReportFile(FIXTURE_MARKDOWN, { template: fazhiTemplate(), deps: fixedDeps() })).report;
}
