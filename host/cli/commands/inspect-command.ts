import { extname, resolve } from "node:path";
import { z } from "zod";
import { describeRecognized, type RecognizedDescription } from "../../../core/import/describe-recognized";
import type { ImportNotice } from "../../../core/import/import-notice";
import { describeReport, type ReportDescription } from "../../../core/inspect/describe-report";
import type { WorkflowState } from "../../../core/model/workflow";
import { STATE_NAMES } from "../../../core/workflow/state-names";
import { recognizeReportFile } from "../../import/import-report-file";
import { loadReportFile, REPORT_EXTENSION } from "../../storage/report-file";
import { DEFAULT_TEMPLATE_ID, loadTemplate } from "../../templates/template-store";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao inspect <file.nianbao|.docx|.md|.txt> [--json] [--template <id>]";

const Args = z.object({
  json: z.boolean().default(false),
  template: z.string().min(1).default(DEFAULT_TEMPLATE_ID),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(args, { json: { type: "boolean" }, template: { type: "string" } }, Args, USAGE);
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  if (extname(path).toLowerCase() !== REPORT_EXTENSION) return inspectSource(path, opts.template, opts.json, io);
  const loaded = await loadReportFile(path);
  const description = describeReport(loaded.report);
  // Imported fields keep the words they were recognised in; show those while they still state the value.
  const squeeze = (t: string): string => t.replace(/\s+/gu, "");
  const fields = description.fields.map((f) => {
    const source = loaded.report.fields[f.id]?.sourceText;
    const current = source !== undefined && f.text !== null && squeeze(source).includes(squeeze(f.text));
    return current ? { ...f, text: source } : f;
  });
  if (opts.json) {
    io.out(
      `${JSON.stringify({ file: path, schemaVersion: loaded.report.schemaVersion, migratedFrom: loaded.migratedFrom, ...description, fields }, null, 2)}\n`,
    );
  } else {
    io.out(renderText(path, description, loaded.migratedFrom, loaded.report.workflow.state));
  }
  return EXIT_OK;
}

/** A Word/text report is recognised in memory; nothing is written. */
async function inspectSource(path: string, templateId: string, json: boolean, io: CliIo): Promise<number> {
  const template = await loadTemplate(templateId);
  const { recognized, format, notices } = await recognizeReportFile(path, template);
  const description = describeRecognized(recognized);
  if (json) io.out(`${JSON.stringify({ file: path, format, ...description, notices: notices.map((n) => n.zh) }, null, 2)}\n`);
  else io.out(renderRecognized(path, description, notices));
  return EXIT_OK;
}

function renderRecognized(path: string, d: RecognizedDescription, notices: readonly ImportNotice[]): string {
  return [
    `文件      ${path}（未保存，仅识别）`,
    `标题      ${d.title ?? "（未识别）"}`,
    `主送机关  ${d.recipient ?? "（无）"}`,
    `发文机关  ${d.org ?? "（未识别）"}`,
    `报告年度  ${d.reportYear ?? "（未识别）"}`,
    `成文日期  ${d.date ?? "（未识别）"}`,
    "",
    "结构：",
    ...d.headings.map((h) => `${"  ".repeat(h.level)}${h.text}${h.level === 1 ? `  [${h.part ?? "未对应"}]` : ""}`),
    "",
    `识别出的数字：${d.fields.length} 个`,
    ...d.fields.map(
      (f) => `  ${f.text}  → ${f.value}${f.percent ? "%" : (f.unit ?? "")}${f.qualifier === null ? "" : `（${f.qualifier}）`}`,
    ),
    ...(notices.length > 0 ? ["", "提示：", ...notices.map((n) => `  ${n.zh}`)] : []),
    "",
  ].join("\n");
}

function renderText(path: string, d: ReportDescription, migratedFrom: number | null, state: WorkflowState): string {
  const unconfirmed = d.fields.filter((f) => f.status === "unconfirmed").length;
  const lines = [
    `文件      ${path}${migratedFrom === null ? "" : `（由第 ${migratedFrom} 版格式升级）`}`,
    `标题      ${d.title ?? "（无）"}`,
    `发文机关  ${d.org ?? "（无）"}`,
    `报告年度  ${d.reportYear ?? "（无）"}`,
    `成文日期  ${d.date ?? "（未定）"}`,
    `模板      ${d.template.id} v${d.template.version}`,
    `状态      ${STATE_NAMES[state]}（第 ${d.workflow.revision} 稿）`,
    "",
    "结构：",
    ...d.headings.map((h) => `${"  ".repeat(h.level)}${h.text}${h.level === 1 ? `  [${h.part ?? "自定义"}]` : ""}`),
    "",
    `字段：${d.fields.length} 个，未确认 ${unconfirmed} 个`,
    ...d.fields.map((f) => `  ${f.status === "confirmed" ? "✓" : "?"} ${f.label}：${f.text ?? "（无数值）"}`),
    "",
  ];
  return lines.join("\n");
}
