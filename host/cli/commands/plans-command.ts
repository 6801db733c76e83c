import { resolve } from "node:path";
import { z } from "zod";
import { planChecklist, type PlanChecklistItem } from "../../../core/compare/plan-checklist";
import { requireLastYear } from "../../../core/compare/require-last-year";
import type { PlanAnswer } from "../../../core/edits/report-edit";
import { PLAN_STATUS_NAMES } from "../../export/plan-status-names";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_OK, type CliIo } from "../cli-io";
import { editClient } from "../edit-client";
import { parseCliArgs } from "../parse-cli-args";

const USAGE =
  "nianbao plans <file.nianbao> [--json] [--item <序号> (--addressed --quote <本年报告原文> | --not-done --reason <原因> | --reopen)]";

const Args = z
  .object({
    json: z.boolean().default(false),
    item: z.coerce.number({ error: "--item 须为安排的序号（1、2、3…）" }).int("--item 须为整数").min(1, "--item 从 1 开始").optional(),
    addressed: z.boolean().default(false),
    "not-done": z.boolean().default(false),
    reopen: z.boolean().default(false),
    quote: z.string().min(1).max(500).optional(),
    reason: z.string().min(1).max(2000).optional(),
    positionals: z.array(z.string()).length(1, "须指定一个文件"),
  })
  .refine(
    (a) => [a.addressed, a["not-done"], a.reopen].filter(Boolean).length === (a.item === undefined ? 0 : 1),
    "--item 须且只须配合 --addressed、--not-done、--reopen 之一",
  )
  .refine((a) => !a.addressed || a.quote !== undefined, "--addressed 须用 --quote 给出本年报告中对应的原文")
  .refine((a) => !a["not-done"] || (a.reason !== undefined && a.reason.trim() !== ""), "--not-done 须用 --reason 说明未落实的原因");

/** Lists last year's plans with this year's answers, or records the answer to one of them. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      json: { type: "boolean" },
      item: { type: "string" },
      addressed: { type: "boolean" },
      "not-done": { type: "boolean" },
      reopen: { type: "boolean" },
      quote: { type: "string" },
      reason: { type: "string" },
    },
    Args,
    USAGE,
  );
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  const answer = answerOf(opts);
  // Plans are working notes, not content: recording them is allowed on an approved report too.
  const report =
    answer === undefined || opts.item === undefined
      ? (await loadReportFile(path)).report
      : (await (await editClient(io, path)).editReportFile({ path, edits: [{ type: "answerPlan", plan: opts.item, answer }] })).report;
  requireLastYear(report);
  const items = planChecklist(report);
  io.out(opts.json ? `${JSON.stringify(items, null, 2)}\n` : renderText(items));
  return EXIT_OK;
}

function answerOf(opts: z.infer<typeof Args>): PlanAnswer | null | undefined {
  if (opts.reopen) return null;
  if (opts["not-done"]) return { status: "notDone", reason: opts.reason ?? "" };
  if (opts.addressed) return { status: "addressed", quote: opts.quote ?? "" };
  return undefined;
}

function renderText(items: readonly PlanChecklistItem[]): string {
  if (items.length === 0) return "上年报告未列出下一年度主要安排。\n";
  const lines = items.map((item, i) => {
    const detail =
      item.status === "addressed" ? `  → ${item.link?.quote ?? ""}` : item.status === "notDone" ? `  原因：${item.reason ?? ""}` : "";
    return `${i + 1}. [${PLAN_STATUS_NAMES[item.status]}] ${item.key}${detail}`;
  });
  return `${lines.join("\n")}\n`;
}
