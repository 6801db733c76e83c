import { dirname, resolve } from "node:path";
import { z } from "zod";
import { collectStatus } from "../../../core/collect/collect-status";
import type { CollectImportResult } from "../../../core/collect/returned-workbook";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_OK, type CliIo } from "../cli-io";
import { collectClient } from "../collect-client";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao collect <file.nianbao> [--json]  |  --out <文件夹> [--force]  |  --import <征集表.xlsx>… [--accept-formulas]";

const Args = z
  .object({
    out: z.string().min(1).optional(),
    import: z.boolean().default(false),
    force: z.boolean().default(false),
    "accept-formulas": z.boolean().default(false),
    json: z.boolean().default(false),
    positionals: z.array(z.string()).min(1, "须指定报告文件"),
  })
  .refine((a) => !(a.out !== undefined && a.import), "--out 与 --import 不能同时使用")
  .refine((a) => a.import || a.positionals.length === 1, "只有 --import 时才能指定多个文件")
  .refine((a) => !a.import || a.positionals.length > 1, "--import 后须列出要读取的数据征集表（.xlsx）");

/**
 * 数据征集: without options the status board (who has answered, what is missing); --out writes
 * one workbook per department; --import reads returned workbooks into the report. Both go through
 * the contract's collect methods, the same the app calls.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      out: { type: "string" },
      import: { type: "boolean" },
      force: { type: "boolean" },
      "accept-formulas": { type: "boolean" },
      json: { type: "boolean" },
    },
    Args,
    USAGE,
  );
  const [first, ...rest] = opts.positionals.map((p) => resolve(io.cwd, p));
  const path = first as string;
  if (opts.out !== undefined) {
    const outDir = resolve(io.cwd, opts.out);
    const client = await collectClient(io, [dirname(path), dirname(outDir)]);
    const written = await client.writeDataRequests({ path, outDir, force: opts.force });
    if (opts.json) io.out(`${JSON.stringify(written, null, 2)}\n`);
    else {
      io.out(
        [
          `已生成 ${written.files.length} 份数据征集表：`,
          ...written.files.map((f) => `  ${f.department}（${f.fields} 项）：${f.path}`),
          ...(written.unassigned.length === 0 ? [] : [`  未指定填报部门的字段（未征集）：${written.unassigned.join("、")}`]),
          `Wrote ${written.files.length} data request workbook(s) to ${outDir}`,
          "",
        ].join("\n"),
      );
    }
    return EXIT_OK;
  }
  if (opts.import) {
    const client = await collectClient(io, [dirname(path), ...rest.map((f) => dirname(f))]);
    const done = await client.importAnswers({ path, files: rest, acceptFormulas: opts["accept-formulas"] });
    io.out(opts.json ? `${JSON.stringify(done.result, null, 2)}\n` : renderImport(done.result, done.changed, path));
    return EXIT_OK;
  }
  const { report } = await loadReportFile(path);
  const status = collectStatus(report);
  io.out(opts.json ? `${JSON.stringify(status, null, 2)}\n` : renderStatus(status));
  return EXIT_OK;
}

function renderImport(result: CollectImportResult, changed: boolean, path: string): string {
  const shown = (a: { answer: string; qualifier?: string | undefined; formula?: string | undefined }) =>
    `${a.qualifier === undefined || a.qualifier === "none" ? "" : a.qualifier}${a.answer}${a.formula === undefined ? "" : `（公式 =${a.formula} 的结果）`}`;
  const lines = [
    ...result.files.map(
      (f) =>
        `${f.fileName}：${f.department}，填写 ${f.answered} 项，空白 ${f.blank} 项${f.skipped === null ? "" : `（跳过：${f.skipped}）`}`,
    ),
    ...(result.applied.length === 0 ? [] : ["", "已填入（未确认，请核对后确认）："]),
    ...result.applied.map((a) => `  ${a.fieldId} ${a.label}：${shown(a)}（${a.department}，${a.fileName}）`),
    ...(result.conflicts.length === 0 ? [] : ["", "有冲突，未填入，请核对后用 nianbao fields --set 决定："]),
    ...result.conflicts.map(
      (c) =>
        `  ${c.fieldId} ${c.label}：${c.kind === "confirmed" ? `已确认的数值为 ${c.current ?? "（无）"}，回复为` : "各方回复不一致："}${c.answers
          .map((a) => `${shown(a)}（${a.department}，${a.fileName}）`)
          .join("；")}`,
    ),
    "",
    changed ? `报告已更新：${path}` : `报告未改动：${path}`,
    `${result.applied.length} value(s) set (unconfirmed), ${result.conflicts.length} conflict(s) kept for the clerk${changed ? "" : "; the report was not changed"}`,
    "",
  ];
  return lines.join("\n");
}

function renderStatus(status: ReturnType<typeof collectStatus>): string {
  if (status.departments.length === 0) return "还没有为字段指定填报部门（nianbao fields <报告> --source <字段编号>=<部门>）。\n";
  const lines = status.departments.map((d) => {
    const state = d.missing.length === 0 ? "已全部回复" : d.answered === 0 ? "未回复" : "部分回复";
    return `${d.department}：${state}，${d.answered}/${d.fields} 项${d.missing.length === 0 ? "" : `，缺 ${d.missing.join("、")}`}${d.conflicts.length === 0 ? "" : `，冲突 ${d.conflicts.join("、")}`}`;
  });
  return [...lines, ...(status.unassigned.length === 0 ? [] : [`未指定部门：${status.unassigned.join("、")}`]), ""].join("\n");
}
