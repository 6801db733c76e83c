import { readFile, stat } from "node:fs/promises";
import { planAnswers } from "../../core/collect/plan-answers";
import type { CollectImportResult, ReturnedWorkbook } from "../../core/collect/returned-workbook";
import { applyEdits } from "../../core/edits/apply-edit";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { CoreDeps } from "../../core/model/deps";
import type { Report } from "../../core/model/report";
import { loadReportFile } from "../storage/report-file";
import { loadTemplate } from "../templates/template-store";
import { updateReportFile } from "../workflow/save-report-guarded";
import { COLLECT_LIMITS } from "./collect-limits";
import { readAnswerWorkbook } from "./read-answer-workbook";
import { saysUnchanged } from "./says-unchanged";

/** A returned workbook on disk and the name to show for it (an upload's is not its path's). */
export interface AnswerFile {
  path: string;
  name: string;
}

export interface ImportAnswersOptions {
  acceptFormulas: boolean;
  clock: Pick<CoreDeps, "now">;
  templatesDir?: string;
}

/**
 * Reads returned workbooks into the report at `reportPath`: all of them or none. Every file is read
 * and checked before the report is touched; the values then go through core/edits (changeField,
 * as `fields --set`) under the report's lock. Any refusal leaves the report file as it was.
 */
export async function importAnswers(
  reportPath: string,
  files: readonly AnswerFile[],
  options: ImportAnswersOptions,
): Promise<{ report: Report; result: CollectImportResult; changed: boolean }> {
  if (files.length === 0) throw new NianbaoError("invalid_input", "请指定要读取的数据征集表。", "no workbooks given");
  if (files.length > COLLECT_LIMITS.files) {
    throw new NianbaoError(
      "invalid_input",
      `一次最多读取 ${COLLECT_LIMITS.files} 份数据征集表，报告未改动。`,
      `at most ${COLLECT_LIMITS.files} workbooks at once; the report was not changed`,
    );
  }
  const workbooks: ReturnedWorkbook[] = [];
  for (const file of files) workbooks.push(await saysUnchanged(() => readOne(file)));
  const readAt = options.clock.now();
  const planOptions = { readAt, acceptFormulas: options.acceptFormulas };
  // Planned once outside the lock so a batch with nothing to record does not rewrite the file.
  const { report: current } = await loadReportFile(reportPath);
  const first = await saysUnchanged(async () => planAnswers(current, workbooks, planOptions));
  if (first.edits.length === 0) return { report: current, result: first.result, changed: false };
  let result = first.result;
  const report = await saysUnchanged(() =>
    updateReportFile(reportPath, async ({ report: onDisk }) => {
      const plan = planAnswers(onDisk, workbooks, planOptions);
      result = plan.result;
      const template = await loadTemplate(onDisk.template.id, options.templatesDir);
      return applyEdits(onDisk, plan.edits, { now: options.clock.now, template });
    }),
  );
  return { report, result, changed: true };
}

async function readOne({ path, name }: AnswerFile): Promise<ReturnedWorkbook> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new NianbaoError("not_found", `找不到文件：${path}`, `no such file: ${path}`, { cause: error });
  }
  if (size > COLLECT_LIMITS.fileBytes) {
    throw new NianbaoError(
      "file_too_large",
      `${name}：文件过大（超过 ${COLLECT_LIMITS.fileBytes / 1024 / 1024} MB），不像是一份数据征集表，未读取。`,
      `${name}: larger than ${COLLECT_LIMITS.fileBytes} bytes, not a data request; not read`,
    );
  }
  return readAnswerWorkbook(new Uint8Array(await readFile(path)), name);
}
