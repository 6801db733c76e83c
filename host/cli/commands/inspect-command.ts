import { resolve } from "node:path";
import { z } from "zod";
import { describeReport, type ReportDescription } from "../../../core/inspect/describe-report";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao inspect <file> [--json]";

const Args = z.object({
  json: z.boolean().default(false),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

const STATE_NAMES: Record<string, string> = { draft: "起草", review: "审核中", approved: "已签发", published: "已公开" };

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(args, { json: { type: "boolean" } }, Args, USAGE);
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  const loaded = await loadReportFile(path);
  const description = describeReport(loaded.report);
  if (opts.json) {
    io.out(`${JSON.stringify({ file: path, schemaVersion: loaded.report.schemaVersion, migratedFrom: loaded.migratedFrom, ...description }, null, 2)}\n`);
  } else {
    io.out(renderText(path, description, loaded.migratedFrom));
  }
  return EXIT_OK;
}

function renderText(path: string, d: ReportDescription, migratedFrom: number | null): string {
  const unconfirmed = d.fields.filter((f) => f.status === "unconfirmed").length;
  const lines = [
    `文件      ${path}${migratedFrom === null ? "" : `（由第 ${migratedFrom} 版格式升级）`}`,
    `标题      ${d.title ?? "（无）"}`,
    `发文机关  ${d.org ?? "（无）"}`,
    `报告年度  ${d.reportYear ?? "（无）"}`,
    `成文日期  ${d.date ?? "（未定）"}`,
    `模板      ${d.template.id} v${d.template.version}`,
    `状态      ${STATE_NAMES[d.workflow.state] ?? d.workflow.state}（第 ${d.workflow.revision} 稿）`,
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
