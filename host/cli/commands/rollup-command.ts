import { dirname, resolve } from "node:path";
import { z } from "zod";
import type { RollupResult, RollupRow } from "../../../core/collect/rollup-result";
import { formatChineseDate } from "../../../core/text/chinese-date";
import { EXIT_OK, type CliIo } from "../cli-io";
import { collectClient } from "../collect-client";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao rollup <县区报告.nianbao> --from <乡镇报告.nianbao|.docx>… [--apply] [--field <字段编号>]… [--json]";

const Args = z.object({
  from: z.array(z.string().min(1)).default([]),
  apply: z.boolean().default(false),
  field: z.array(z.string().min(1)).optional(),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).min(1, "须指定汇总报告（县区报告）文件"),
});

/**
 * 汇总各乡镇: what the towns' reports add up to in the county report, with each town's 检查 status;
 * --apply writes the values (unconfirmed). Goes through the contract's rollupReports, as the app does.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      from: { type: "string", multiple: true },
      apply: { type: "boolean" },
      field: { type: "string", multiple: true },
      json: { type: "boolean" },
    },
    Args,
    USAGE,
  );
  // `--from a b c` and `--from a --from b` both name the towns.
  const [county, ...more] = opts.positionals.map((p) => resolve(io.cwd, p));
  const path = county as string;
  const towns = [...opts.from.map((p) => resolve(io.cwd, p)), ...more];
  const client = await collectClient(io, [dirname(path), ...towns.map((t) => dirname(t))]);
  const done = await client.rollupReports({
    path,
    files: towns,
    apply: opts.apply,
    ...(opts.field === undefined ? {} : { only: opts.field }),
  });
  io.out(opts.json ? `${JSON.stringify(done.result, null, 2)}\n` : renderRollup(done.result, opts.apply, done.changed, path));
  return EXIT_OK;
}

function renderRollup(result: RollupResult, apply: boolean, changed: boolean, path: string): string {
  const lines = [`乡镇报告（${result.towns.length} 份）：`];
  for (const t of result.towns) {
    const deadline =
      t.daysLeft >= 0 ? `报送期限 ${formatChineseDate(t.submitBy)}（还有 ${t.daysLeft} 天）` : `已超过报送期限 ${-t.daysLeft} 天`;
    lines.push(
      `  ${t.org}（${t.fileName}）：${t.stage}，错误 ${t.errors} 项，提醒 ${t.warnings} 项，未确认数字 ${t.unconfirmed} 个，${deadline}`,
    );
  }
  lines.push("", "汇总：");
  for (const row of result.rows) if (row.value !== null) lines.push(`  ${row.fieldId} ${row.label}：${describeRow(row)}`);
  const none = result.rows.filter((r) => r.value === null);
  if (none.length > 0)
    lines.push(
      "",
      `无乡镇填报：${none.map((r) => `${r.fieldId} ${r.label}${r.mismatched.length === 0 ? "" : `（${mismatchText(r)}）`}`).join("、")}`,
    );
  const applied = result.rows.filter((r) => r.outcome === "applied").length;
  lines.push(
    "",
    changed
      ? `汇总报告已更新（${applied} 个数字已填入，未确认，请核对后确认）：${path}`
      : apply
        ? `没有需要填入的数字，汇总报告未改动：${path}`
        : "以上为汇总结果，尚未写入。加 --apply 将其填入汇总报告（未确认）。",
    changed
      ? `${applied} value(s) set (unconfirmed) in ${path}`
      : apply
        ? "nothing to set; the county report was not changed"
        : "not written: pass --apply to set these values (unconfirmed)",
    "",
  );
  return lines.join("\n");
}

function describeRow(row: RollupRow): string {
  const parts = [
    `${row.method === "sum" ? "合计" : "平均"} ${row.text ?? ""}`,
    `（${row.contributions.map((c) => `${c.town} ${c.text}`).join("、")}）`,
  ];
  if (row.missing.length > 0) parts.push(`；未填报：${row.missing.join("、")}`);
  if (row.unconfirmed.length > 0) parts.push(`；乡镇未确认：${row.unconfirmed.join("、")}`);
  if (row.mismatched.length > 0) parts.push(`；未计入：${mismatchText(row)}`);
  const outcome = {
    applied: "",
    unchanged: "；与现值相同",
    confirmed: "；本报告已确认另一数值，未改动",
    empty: "",
    skipped: "；未选，未填入",
  }[row.outcome];
  return parts.join("") + outcome;
}

function mismatchText(row: RollupRow): string {
  return row.mismatched.map((m) => `${m.town}${m.reason}`).join("、");
}
