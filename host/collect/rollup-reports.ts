import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { planRollup, type TownReport } from "../../core/collect/plan-rollup";
import { MAX_ROLLUP_TOWNS, type RollupResult } from "../../core/collect/rollup-result";
import { applyEdits } from "../../core/edits/apply-edit";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { CoreDeps } from "../../core/model/deps";
import type { Template } from "../../core/model/template";
import { importReportFile } from "../import/import-report-file";
import { loadReportFile } from "../storage/report-file";
import { loadTemplate } from "../templates/template-store";
import { updateReportFile } from "../workflow/save-report-guarded";
import type { AnswerFile } from "./import-answers";
import { saysUnchanged } from "./says-unchanged";

export interface RollupReportsOptions {
  /** Write the offered values into the county report; without it the roll-up is only shown. */
  apply: boolean;
  /** Only these county fields take the towns' figures. */
  only?: readonly string[];
  clock: CoreDeps;
  /** YYYY-MM-DD for the towns' 检查; the clock's date when absent. */
  today?: string;
  templatesDir?: string;
}

const UNCHANGED = ["汇总报告未改动。", "the county report was not changed"] as const;

/**
 * 汇总各乡镇: reads the towns' reports (.nianbao as saved, or Word/text as published) and rolls
 * their figures up into the county report at `countyPath` (core/collect/plan-rollup.ts). Every
 * town file is read and checked before the county report is touched; applying goes through
 * core/edits under the report's lock, so a refusal leaves the county report as it was.
 */
export async function rollupReports(
  countyPath: string,
  files: readonly AnswerFile[],
  options: RollupReportsOptions,
): Promise<{ result: RollupResult; changed: boolean }> {
  const refuse = (zh: string, en: string) => new NianbaoError("invalid_input", `${zh}${UNCHANGED[0]}`, `${en}; ${UNCHANGED[1]}`);
  if (files.length === 0) throw refuse("请指定要汇总的乡镇报告。", "no town reports given");
  if (files.length > MAX_ROLLUP_TOWNS)
    throw refuse(`一次最多汇总 ${MAX_ROLLUP_TOWNS} 份乡镇报告。`, `at most ${MAX_ROLLUP_TOWNS} town reports at once`);
  const { report: county } = await loadReportFile(countyPath);
  const template = await loadTemplate(county.template.id, options.templatesDir);
  const towns: TownReport[] = [];
  for (const file of files) towns.push(await saysUnchanged(() => readTown(file, template, options.clock), ...UNCHANGED));
  const readAt = options.clock.now();
  const planOptions = {
    readAt,
    today: options.today ?? readAt.slice(0, 10),
    ...(options.only === undefined ? {} : { only: options.only }),
  };
  const first = await saysUnchanged(async () => planRollup(county, towns, template, planOptions), ...UNCHANGED);
  if (!options.apply || first.edits.length === 0) return { result: first.result, changed: false };
  let result = first.result;
  await saysUnchanged(
    () =>
      updateReportFile(countyPath, ({ report: onDisk }) => {
        const plan = planRollup(onDisk, towns, template, planOptions);
        result = plan.result;
        return applyEdits(onDisk, plan.edits, { now: options.clock.now, template });
      }),
    ...UNCHANGED,
  );
  return { result, changed: true };
}

async function readTown({ path, name }: AnswerFile, template: Template, clock: CoreDeps): Promise<TownReport> {
  try {
    const bytes = await readFile(path);
    const { report } = await importReportFile(path, { template, deps: clock });
    return { report, fileName: name, fileSha256: createHash("sha256").update(bytes).digest("hex") };
  } catch (error) {
    if (!(error instanceof NianbaoError)) {
      throw new NianbaoError("not_found", `${name}：无法读取这份乡镇报告。`, `${name}: cannot read this town report`, { cause: error });
    }
    if (error.zh.includes(name)) throw error;
    throw new NianbaoError(
      error.code,
      `${name}：${error.zh}`,
      `${name}: ${error.message}`,
      error.hint === null ? { cause: error } : { hint: error.hint, cause: error },
    );
  }
}
