import { extname, resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { blockingFindings } from "../../../core/checks/blocking-findings";
import type { Finding } from "../../../core/checks/finding";
import { PROFILE_PRESETS, PROFILE_PRESET_NAMES } from "../../../core/export-model/profile-presets";
import { exportReport, writeOutput } from "../../export/export-report";
import { SUBSTITUTION_WARNING_ZH } from "../../fonts/resolve-fonts";
import { importReportFile } from "../../import/import-report-file";
import { DEFAULT_TEMPLATE_ID, loadTemplate } from "../../templates/template-store";
import { EXIT_NEGATIVE, EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE =
  "nianbao export <file.nianbao|.docx|.md|.txt> [--docx out.docx] [--pdf out.pdf] [--redline out.docx] [--plans out.docx] [--profile <name>] [--template <id>] [--final] [--json]";

const Args = z.object({
  docx: z
    .string()
    .min(1)
    .refine((p) => p.toLowerCase().endsWith(".docx"), "--docx 的文件须以 .docx 结尾")
    .optional(),
  pdf: z
    .string()
    .min(1)
    .refine((p) => p.toLowerCase().endsWith(".pdf"), "--pdf 的文件须以 .pdf 结尾")
    .optional(),
  redline: z
    .string()
    .min(1)
    .refine((p) => p.toLowerCase().endsWith(".docx"), "--redline 的文件须以 .docx 结尾")
    .optional(),
  plans: z
    .string()
    .min(1)
    .refine((p) => p.toLowerCase().endsWith(".docx"), "--plans 的文件须以 .docx 结尾")
    .optional(),
  profile: z.enum(PROFILE_PRESET_NAMES, { error: `--profile 须为 ${PROFILE_PRESET_NAMES.join(" / ")} 之一` }).optional(),
  template: z.string().min(1).default(DEFAULT_TEMPLATE_ID),
  /** The file for submission: refused while `check` finds errors or the 成文日期 is empty. */
  final: z.boolean().default(false),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).length(1, "须指定一个报告文件"),
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      docx: { type: "string" },
      pdf: { type: "string" },
      redline: { type: "string" },
      plans: { type: "string" },
      profile: { type: "string" },
      template: { type: "string" },
      final: { type: "boolean" },
      json: { type: "boolean" },
    },
    Args,
    USAGE,
  );
  const input = resolve(io.cwd, opts.positionals[0] ?? "");
  // A Word or text report is imported as it is (same year, values confirmed) and exported in
  // the GB/T 9704 layout; nothing is written beside it but the exported files.
  const { report } = await importReportFile(input, {
    template: await loadTemplate(opts.template),
    deps: io.clock,
  });
  const template = await loadTemplate(report.template.id);
  // Without any output named, the .docx and the PDF go next to the report.
  const none = opts.docx === undefined && opts.pdf === undefined && opts.redline === undefined && opts.plans === undefined;
  const stem = input.slice(0, -extname(input).length);
  const docxPath = opts.docx !== undefined ? resolve(io.cwd, opts.docx) : none ? `${stem}.docx` : undefined;
  const pdfPath = opts.pdf !== undefined ? resolve(io.cwd, opts.pdf) : none ? `${stem}.pdf` : undefined;
  const redlinePath = opts.redline === undefined ? undefined : resolve(io.cwd, opts.redline);
  const plansPath = opts.plans === undefined ? undefined : resolve(io.cwd, opts.plans);
  refuseSharedOutputs([docxPath, pdfPath, redlinePath, plansPath]);
  const profile = opts.profile === undefined ? report.meta.profile : PROFILE_PRESETS[opts.profile];
  // A report with errors exports as a draft for review, its gaps marked; a final file has none.
  const blocking = blockingFindings(report, template, { today: io.clock.now().slice(0, 10), purpose: "final" });
  if (opts.final && blocking.length > 0) {
    io.err(refusal(blocking));
    return EXIT_NEGATIVE;
  }
  const state = blocking.length === 0 ? "final" : "draft";
  // Made before anything is written: a report without last year's snapshot leaves no files behind.
  // The redline and plans writers (and the diff library) load only when asked for.
  const redlineWriter = redlinePath === undefined ? null : await import("../../export/write-redline-docx");
  const redline = redlineWriter === null ? null : await redlineWriter.writeRedlineDocx(report, template, profile);
  const plans = plansPath === undefined ? null : await (await import("../../export/write-plans-docx")).writePlansDocx(report, profile);
  const exported = await exportReport({
    report,
    template,
    ...(docxPath === undefined ? {} : { docxPath }),
    ...(pdfPath === undefined ? {} : { pdfPath }),
    ...(opts.profile === undefined ? {} : { profile }),
  });
  if (redlinePath !== undefined && redline !== null) await writeOutput(redlinePath, redline);
  if (plansPath !== undefined && plans !== null) await writeOutput(plansPath, plans);
  const result = {
    ...exported,
    state,
    blocking,
    ...(redlinePath === undefined ? {} : { redline: redlinePath }),
    ...(plansPath === undefined ? {} : { plans: plansPath }),
  };
  if (opts.json) {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines: string[] = [];
  if (result.docx !== null) lines.push(`已导出 Word：${result.docx}`);
  if (result.pdf !== null) lines.push(`已导出 PDF：${result.pdf}（${result.pages} 页）`);
  if (redlineWriter !== null) {
    lines.push(`已导出与上年对照的修订稿（Word 修订模式，作者“${redlineWriter.REDLINE_AUTHOR}”）：${redlinePath}`);
  }
  if (plansPath !== undefined) lines.push(`已导出上年主要安排落实情况对照表：${plansPath}`);
  lines.push("", ...stateLines(blocking));
  const substituted = result.fonts.filter((f) => f.substituted);
  if (substituted.length > 0 && result.pdf !== null) {
    lines.push("", "字体替代：", ...substituted.map((f) => `  ${f.requested} → ${f.used}`), "", SUBSTITUTION_WARNING_ZH);
  }
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

/** What the exported file is, in the clerk's words, and what keeps a draft from being final. */
function stateLines(blocking: readonly Finding[]): string[] {
  if (blocking.length === 0) return ["文件状态：定稿（检查无错误）"];
  return [
    `文件状态：草稿，仅供审阅（检查发现 ${blocking.length} 项须处理，待填处已在文件中标出，不可作为正式文件报送）`,
    "须处理：",
    ...listed(blocking),
    "逐项清单见 nianbao check；处理完毕后可用 nianbao export --final 导出定稿。",
  ];
}

function refusal(blocking: readonly Finding[]): string {
  return [
    `错误：报告尚有 ${blocking.length} 项须处理，不能导出定稿：`,
    ...listed(blocking),
    `Error: the report has ${blocking.length} blocking finding(s) (${[...new Set(blocking.map((f) => f.id))].join(", ")}); a final export is refused. Run nianbao check for the full list.`,
    "",
  ].join("\n");
}

/** One line per kind of finding, with how many there are and the first of them. */
function listed(blocking: readonly Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of blocking) groups.set(f.id, [...(groups.get(f.id) ?? []), f]);
  return [...groups].map(([id, list]) => `  ${id}（${list.length} 项）：${list[0]?.message ?? ""}${list.length > 1 ? " 等" : ""}`);
}

function refuseSharedOutputs(paths: (string | undefined)[]): void {
  const named = paths.filter((p): p is string => p !== undefined);
  const twice = named.find((p, i) => named.indexOf(p) !== i);
  if (twice !== undefined) {
    throw new NianbaoError("invalid_input", `两个导出文件不能同名：${twice}`, `two outputs would be written to the same file: ${twice}`);
  }
}
