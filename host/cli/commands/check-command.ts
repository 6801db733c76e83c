import { extname, resolve } from "node:path";
import { z } from "zod";
import { checkReport, hasErrors } from "../../../core/checks/check-report";
import type { Finding } from "../../../core/checks/finding";
import { importReportFile } from "../../import/import-report-file";
import type { SourceFormat } from "../../import/read-source-document";
import { REPORT_EXTENSION } from "../../storage/report-file";
import { DEFAULT_TEMPLATE_ID, loadTemplate } from "../../templates/template-store";
import { EXIT_NEGATIVE, EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao check <file.nianbao|.docx|.md|.txt> [--json] [--today YYYY-MM-DD] [--year YYYY] [--template <id>]";

const Args = z.object({
  json: z.boolean().default(false),
  today: z.iso.date("--today 须为 YYYY-MM-DD 格式的日期").optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, "--year 须为四位年份，如 2023")
    .transform(Number)
    .optional(),
  template: z.string().min(1).default(DEFAULT_TEMPLATE_ID),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

const SEVERITY_NAMES: Record<Finding["severity"], string> = { error: "错误", warning: "警告", info: "提示" };
const FORMAT_NAMES: Record<SourceFormat, string> = { docx: "Word 文件", md: "Markdown 文件", txt: "文本文件" };

/** Exit 0 when nothing is an error, 1 when something is, 2 when the check could not run. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    { json: { type: "boolean" }, today: { type: "string" }, year: { type: "string" }, template: { type: "string" } },
    Args,
    USAGE,
  );
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  // A Word or text report is checked as `import` would read it (nothing is written): the findings
  // are about the document as it would enter Nianbao, and the output says so.
  const { report, format } = await importReportFile(path, {
    template: await loadTemplate(opts.template),
    deps: io.clock,
    ...(opts.year === undefined ? {} : { year: opts.year }),
  });
  const imported = format === "nianbao" || extname(path).toLowerCase() === REPORT_EXTENSION ? null : format;
  const template = await loadTemplate(report.template.id);
  // The host's calendar date, not UTC: deadlines are counted in the clerk's day.
  const findings = checkReport(report, template, { today: opts.today ?? io.clock.now().slice(0, 10) });
  if (opts.json) io.out(`${JSON.stringify({ ...(imported === null ? {} : { imported: { format: imported } }), findings }, null, 2)}\n`);
  else io.out(renderText(path, imported, findings));
  return hasErrors(findings) ? EXIT_NEGATIVE : EXIT_OK;
}

function renderText(path: string, imported: SourceFormat | null, findings: readonly Finding[]): string {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  const lines = findings.map((f) => {
    const where = [f.location.part, f.location.fieldId === null ? null : `字段 ${f.location.fieldId}`].filter((x) => x !== null).join("，");
    return `${SEVERITY_NAMES[f.severity]} ${f.id}  ${f.message}${where === "" ? "" : `  [${where}]`}${f.fix ? `  （可自动修正：${f.fix.label}）` : ""}`;
  });
  const head =
    imported === null
      ? [`检查 ${path}`]
      : [
          `检查 ${path}`,
          `（${FORMAT_NAMES[imported]}：按导入后的报告检查，文件本身未作改动 / checked as imported; the file is unchanged）`,
        ];
  return [...head, ...lines, "", `错误 ${count("error")} 项，警告 ${count("warning")} 项，提示 ${count("info")} 项`, ""].join("\n");
}
