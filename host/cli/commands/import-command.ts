import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { importReportFile } from "../../import/import-report-file";
import { saveReportFile } from "../../storage/report-file";
import { chooseImportTemplate } from "../../import/choose-import-template";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";
import { DeadlineArg, withDeadline } from "../deadline-arg";

const USAGE =
  "nianbao import <上年报告.docx|.md|.txt|.nianbao> [--roll-forward] -o <file.nianbao> [--year YYYY] [--org 发文机关] [--template <id>] [--deadline <1月31日>] [--force]";

const Args = z.object({
  "roll-forward": z.boolean().default(false),
  output: z
    .string()
    .min(1, "缺少 -o（输出文件）")
    .refine((p) => p.endsWith(".nianbao"), "输出文件须以 .nianbao 结尾"),
  year: z
    .string()
    .regex(/^\d{4}$/, "--year 须为四位年份，如 2023")
    .transform(Number)
    .optional(),
  org: z.string().trim().min(1).max(100).optional(),
  template: z.string().min(1).optional(),
  deadline: DeadlineArg.optional(),
  force: z.boolean().default(false),
  positionals: z.array(z.string()).length(1, "须指定一个要导入的文件"),
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      "roll-forward": { type: "boolean" },
      output: { type: "string", short: "o" },
      year: { type: "string" },
      org: { type: "string" },
      template: { type: "string" },
      deadline: { type: "string" },
      force: { type: "boolean" },
    },
    Args,
    USAGE,
  );
  const source = resolve(io.cwd, opts.positionals[0] ?? "");
  const target = resolve(io.cwd, opts.output);
  if (target === source) {
    throw new NianbaoError("invalid_input", "输出文件不能与要导入的文件相同。", "the output file must differ from the imported file");
  }
  if (
    !opts.force &&
    (await access(target).then(
      () => true,
      () => false,
    ))
  ) {
    throw new NianbaoError(
      "invalid_input",
      `文件已存在：${target}（如需覆盖请加 --force）`,
      `file exists: ${target} (use --force to overwrite)`,
    );
  }
  // Without --template the file says which report it is (法治 or 信息公开 …).
  const template = await chooseImportTemplate(source, opts.template);
  const result = await importReportFile(source, {
    template,
    deps: io.clock,
    rollForward: opts["roll-forward"],
    ...(opts.year === undefined ? {} : { year: opts.year }),
    ...(opts.org === undefined ? {} : { org: opts.org }),
  });
  const r = opts.deadline === undefined ? result.report : withDeadline(result.report, opts.deadline);
  await saveReportFile(target, r);
  const parts = r.body.content.filter((n) => n.type === "part").length;
  const fieldCount = Object.keys(r.fields).length;
  const lines = [
    opts["roll-forward"]
      ? `已由 ${r.meta.reportYear - 1} 年度报告生成 ${r.meta.reportYear} 年度报告：${target}`
      : `已导入 ${r.meta.reportYear} 年度报告：${target}`,
    `  标题：${r.meta.title || "（未识别）"}`,
    `  发文机关：${r.meta.org}`,
    `  模板：${template.name}`,
    `  一级标题 ${parts} 个，数字字段 ${fieldCount} 个${opts["roll-forward"] ? "（均待填写本年数值并确认）" : ""}`,
    ...result.notices.map((n) => `  提示：${n.zh}`),
    opts["roll-forward"] ? `Rolled forward to ${r.meta.reportYear}: ${target}` : `Imported ${r.meta.reportYear} report: ${target}`,
    "",
  ];
  io.out(lines.join("\n"));
  return EXIT_OK;
}
