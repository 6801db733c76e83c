import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { createReport } from "../../../core/model/create-report";
import { saveReportFile } from "../../storage/report-file";
import { loadTemplate } from "../../templates/template-store";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";
import { DeadlineArg, withDeadline } from "../deadline-arg";

const USAGE = "nianbao new --template <id> --org <发文机关> --year <YYYY> -o <file.nianbao> [--deadline <1月31日>] [--force]";

const Args = z.object({
  template: z.string().min(1, "缺少 --template"),
  org: z.string().trim().min(1, "缺少 --org（发文机关）").max(100),
  year: z
    .string()
    .regex(/^\d{4}$/, "--year 须为四位年份，如 2024")
    .transform(Number),
  output: z
    .string()
    .min(1, "缺少 -o（输出文件）")
    .refine((p) => p.endsWith(".nianbao"), "输出文件须以 .nianbao 结尾"),
  deadline: DeadlineArg.optional(),
  force: z.boolean().default(false),
  positionals: z.array(z.string()).max(0, "多余的参数"),
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      template: { type: "string" },
      org: { type: "string" },
      year: { type: "string" },
      output: { type: "string", short: "o" },
      deadline: { type: "string" },
      force: { type: "boolean" },
    },
    Args,
    USAGE,
  );
  const path = resolve(io.cwd, opts.output);
  if (
    !opts.force &&
    (await access(path).then(
      () => true,
      () => false,
    ))
  ) {
    throw new NianbaoError(
      "invalid_input",
      `文件已存在：${path}（如需覆盖请加 --force）`,
      `file exists: ${path} (use --force to overwrite)`,
    );
  }
  const template = await loadTemplate(opts.template);
  const created = createReport(template, { org: opts.org, year: opts.year }, io.clock);
  const report = opts.deadline === undefined ? created : withDeadline(created, opts.deadline);
  await saveReportFile(path, report);
  io.out(`已新建 ${template.name}：${path}\nCreated ${path}\n`);
  return EXIT_OK;
}
