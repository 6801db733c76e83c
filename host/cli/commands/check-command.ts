import { resolve } from "node:path";
import { z } from "zod";
import { checkReport, hasErrors } from "../../../core/checks/check-report";
import type { Finding } from "../../../core/checks/finding";
import { loadReportFile } from "../../storage/report-file";
import { loadTemplate } from "../../templates/template-store";
import { EXIT_NEGATIVE, EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao check <file> [--json] [--today YYYY-MM-DD]";

const Args = z.object({
  json: z.boolean().default(false),
  today: z.iso.date("--today 须为 YYYY-MM-DD 格式的日期").optional(),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

const SEVERITY_NAMES: Record<Finding["severity"], string> = { error: "错误", warning: "警告", info: "提示" };

/** Exit 0 when nothing is an error, 1 when something is, 2 when the check could not run. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(args, { json: { type: "boolean" }, today: { type: "string" } }, Args, USAGE);
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  const { report } = await loadReportFile(path);
  const template = await loadTemplate(report.template.id);
  // The host's calendar date, not UTC: deadlines are counted in the clerk's day.
  const findings = checkReport(report, template, { today: opts.today ?? io.clock.now().slice(0, 10) });
  if (opts.json) io.out(`${JSON.stringify({ findings }, null, 2)}\n`);
  else io.out(renderText(path, findings));
  return hasErrors(findings) ? EXIT_NEGATIVE : EXIT_OK;
}

function renderText(path: string, findings: readonly Finding[]): string {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const lines = findings.map((f) => {
    const where = [f.location.part, f.location.fieldId === null ? null : `字段 ${f.location.fieldId}`].filter((x) => x !== null).join("，");
    return `${SEVERITY_NAMES[f.severity]} ${f.id}  ${f.message}${where === "" ? "" : `  [${where}]`}${f.fix ? `  （可自动修正：${f.fix.label}）` : ""}`;
  });
  return [`检查 ${path}`, ...lines, "", `错误 ${count("error")} 项，警告 ${count("warning")} 项，提示 ${count("info")} 项`, ""].join("\n");
}
