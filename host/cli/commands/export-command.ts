import { randomUUID } from "node:crypto";
import { extname, resolve } from "node:path";
import { z } from "zod";
import { PROFILE_PRESETS, PROFILE_PRESET_NAMES } from "../../../core/export-model/profile-presets";
import { exportReport } from "../../export/export-report";
import { SUBSTITUTION_WARNING_ZH } from "../../fonts/resolve-fonts";
import { importReportFile } from "../../import/import-report-file";
import { loadTemplate } from "../../templates/template-store";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao export <file.nianbao|.docx|.md|.txt> [--docx out.docx] [--pdf out.pdf] [--profile <name>] [--template <id>] [--json]";

const Args = z.object({
  docx: z.string().min(1).refine((p) => p.toLowerCase().endsWith(".docx"), "--docx 的文件须以 .docx 结尾").optional(),
  pdf: z.string().min(1).refine((p) => p.toLowerCase().endsWith(".pdf"), "--pdf 的文件须以 .pdf 结尾").optional(),
  profile: z.enum(PROFILE_PRESET_NAMES, { error: `--profile 须为 ${PROFILE_PRESET_NAMES.join(" / ")} 之一` }).optional(),
  template: z.string().min(1).default("fazhi-zhengfu-niandu-baogao"),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).length(1, "须指定一个报告文件"),
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(args, { docx: { type: "string" }, pdf: { type: "string" }, profile: { type: "string" }, template: { type: "string" }, json: { type: "boolean" } }, Args, USAGE);
  const input = resolve(io.cwd, opts.positionals[0] ?? "");
  // A Word or text report is imported as it is (same year, values confirmed) and exported in
  // the GB/T 9704 layout; nothing is written beside it but the exported files.
  const { report } = await importReportFile(input, {
    template: await loadTemplate(opts.template),
    deps: { now: () => new Date().toISOString(), newId: randomUUID },
  });
  const template = await loadTemplate(report.template.id);
  // Without --docx/--pdf both files go next to the report.
  const both = opts.docx === undefined && opts.pdf === undefined;
  const stem = input.slice(0, -extname(input).length);
  const docxPath = opts.docx !== undefined ? resolve(io.cwd, opts.docx) : both ? `${stem}.docx` : undefined;
  const pdfPath = opts.pdf !== undefined ? resolve(io.cwd, opts.pdf) : both ? `${stem}.pdf` : undefined;
  const result = await exportReport({
    report,
    template,
    ...(docxPath === undefined ? {} : { docxPath }),
    ...(pdfPath === undefined ? {} : { pdfPath }),
    ...(opts.profile === undefined ? {} : { profile: PROFILE_PRESETS[opts.profile] }),
  });
  if (opts.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  if (result.docx !== null) lines.push(`已导出 Word：${result.docx}`);
  if (result.pdf !== null) lines.push(`已导出 PDF：${result.pdf}（${result.pages} 页）`);
  const substituted = result.fonts.filter((f) => f.substituted);
  if (substituted.length > 0 && result.pdf !== null) {
    lines.push("", "字体替代：", ...substituted.map((f) => `  ${f.requested} → ${f.used}`), "", SUBSTITUTION_WARNING_ZH);
  }
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}
