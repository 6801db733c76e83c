import { resolve } from "node:path";
import { z } from "zod";
import { SignoffRole } from "../../../core/model/workflow";
import { STEP_RULES, WorkflowStep } from "../../../core/workflow/apply-workflow-action";
import { STATE_NAMES, stageName } from "../../../core/workflow/state-names";
import type { Report } from "../../../core/model/report";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_OK, usageError, type CliIo } from "../cli-io";
import { editClient } from "../edit-client";
import { parseCliArgs } from "../parse-cli-args";

const USAGE =
  "nianbao workflow <file> [submit|review|return|approve|publish|revise --as <姓名> --role <拟稿人|审核人|签发人> [--comment <意见>]]";

const Args = z.object({
  as: z.string().optional(),
  role: SignoffRole.optional(),
  comment: z.string().optional(),
  positionals: z.array(z.string()).min(1, "须指定报告文件").max(2, "多余的参数"),
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(args, { as: { type: "string" }, role: { type: "string" }, comment: { type: "string" } }, Args, USAGE);
  const [file = "", actionArg] = opts.positionals;
  const path = resolve(io.cwd, file);
  const { report } = await loadReportFile(path);
  if (actionArg === undefined) {
    io.out(renderHistory(path, report));
    return EXIT_OK;
  }
  const action = WorkflowStep.safeParse(actionArg);
  if (!action.success) {
    throw usageError(`未知的签核步骤“${actionArg}”。\n用法：${USAGE}`, `unknown workflow step "${actionArg}"\nUsage: ${USAGE}`);
  }
  if (opts.as === undefined || opts.role === undefined) {
    throw usageError(
      `须用 --as 写明办理人姓名，用 --role 写明身份。\n用法：${USAGE}`,
      `--as <name> and --role <role> are required\nUsage: ${USAGE}`,
    );
  }
  const request = { action: action.data, person: opts.as, role: opts.role, comment: opts.comment ?? null };
  const { report: next } = await (await editClient(io, path)).editReportFile({ path, edits: [{ type: "workflow", request }] });
  const { state, revision } = next.workflow;
  const date = action.data === "approve" ? `，成文日期 ${next.meta.date ?? ""}` : "";
  io.out(
    `已${STEP_RULES[action.data].label}：第 ${revision} 稿，状态“${stageName(next.workflow)}”${date}。\n${action.data} done: revision ${revision}, state ${state}\n`,
  );
  return EXIT_OK;
}

function renderHistory(path: string, report: Report): string {
  const { revision, events } = report.workflow;
  const lines = [
    `文件  ${path}`,
    `状态  ${stageName(report.workflow)}（第 ${revision} 稿）${report.workflow.distinctPeople ? "" : "（本单位不要求拟稿、审核、签发为不同人员）"}`,
    "",
    "签核记录：",
  ];
  for (const e of events) {
    if (e.action === "create") continue;
    const label = e.action in STEP_RULES ? STEP_RULES[e.action as WorkflowStep].label : e.action;
    lines.push(`  ${e.at}  第${e.revision}稿  ${label}  ${e.role ?? ""} ${e.person}${e.comment === null ? "" : `：${e.comment}`}`);
  }
  for (const r of report.revisions)
    lines.push(`  已冻结：第 ${r.revision} 稿（${STATE_NAMES[r.state]}，${r.approvedBy} 签发于 ${r.approvedAt}）`);
  return `${lines.join("\n")}\n`;
}
