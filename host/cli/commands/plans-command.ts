import { resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/api/errors";
import { findQuote } from "../../../core/compare/find-quote";
import { decidePlan, planChecklist, type PlanChecklistItem } from "../../../core/compare/plan-checklist";
import { requireLastYear } from "../../../core/compare/require-last-year";
import type { Report } from "../../../core/model/report";
import { PLAN_STATUS_NAMES } from "../../export/plan-status-names";
import { loadReportFile } from "../../storage/report-file";
import { saveReportGuarded } from "../../workflow/save-report-guarded";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao plans <file.nianbao> [--json] [--item <序号> (--addressed --quote <本年报告原文> | --not-done --reason <原因> | --reopen)]";

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
  .refine((a) => [a.addressed, a["not-done"], a.reopen].filter(Boolean).length === (a.item === undefined ? 0 : 1), "--item 须且只须配合 --addressed、--not-done、--reopen 之一")
  .refine((a) => !a.addressed || a.quote !== undefined, "--addressed 须用 --quote 给出本年报告中对应的原文")
  .refine((a) => !a["not-done"] || (a.reason !== undefined && a.reason.trim() !== ""), "--not-done 须用 --reason 说明未落实的原因");

/** Lists last year's plans with this year's answers, or records the answer to one of them. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    { json: { type: "boolean" }, item: { type: "string" }, addressed: { type: "boolean" }, "not-done": { type: "boolean" }, reopen: { type: "boolean" }, quote: { type: "string" }, reason: { type: "string" } },
    Args,
    USAGE,
  );
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  let { report } = await loadReportFile(path);
  requireLastYear(report);
  if (opts.item !== undefined) {
    report = decided(report, opts.item, opts);
    // Plans are working notes, not content: recording them is allowed on an approved report too.
    await saveReportGuarded(path, report);
  }
  const items = planChecklist(report);
  io.out(opts.json ? `${JSON.stringify(items, null, 2)}\n` : renderText(items));
  return EXIT_OK;
}

function decided(report: Report, n: number, opts: z.infer<typeof Args>): Report {
  const items = planChecklist(report);
  const item = items[n - 1];
  if (item === undefined) {
    throw new NianbaoError("not_found", `上年报告只有 ${items.length} 项安排，没有第 ${n} 项。文件未改动。`, `last year's report lists ${items.length} plans, there is no item ${n}; the file was not changed`);
  }
  let next: Report;
  if (opts.reopen) {
    next = decidePlan(report, item.key, null);
  } else if (opts["not-done"]) {
    next = decidePlan(report, item.key, { status: "notDone", link: null, reason: (opts.reason ?? "").trim() });
  } else {
    const link = findQuote(report, opts.quote ?? "");
    if (link === null) {
      throw new NianbaoError("not_found", `本年报告正文中找不到“${opts.quote ?? ""}”，请复制报告中的原文。文件未改动。`, `"${opts.quote ?? ""}" is not in this year's report text; quote it exactly; the file was not changed`);
    }
    next = decidePlan(report, item.key, { status: "addressed", link, reason: null });
  }
  return { ...next, updatedAt: new Date().toISOString() };
}

function renderText(items: readonly PlanChecklistItem[]): string {
  if (items.length === 0) return "上年报告未列出下一年度主要安排。\n";
  const lines = items.map((item, i) => {
    const detail = item.status === "addressed" ? `  → ${item.link?.quote ?? ""}` : item.status === "notDone" ? `  原因：${item.reason ?? ""}` : "";
    return `${i + 1}. [${PLAN_STATUS_NAMES[item.status]}] ${item.key}${detail}`;
  });
  return `${lines.join("\n")}\n`;
}
