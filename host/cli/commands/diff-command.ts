import { resolve } from "node:path";
import { z } from "zod";
import { compareWithLastYear, type Comparison } from "../../../core/compare/compare-with-last-year";
import { requireLastYear } from "../../../core/compare/require-last-year";
import { planChecklist, type PlanChecklistItem } from "../../../core/compare/plan-checklist";
import { PLAN_STATUS_NAMES } from "../../export/plan-status-names";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao diff <file.nianbao> [--json]";

const Args = z.object({
  json: z.boolean().default(false),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

const PART_NAMES: Record<string, string> = {
  opening: "开头",
  duty: "第一责任人职责",
  measures: "主要举措和成效",
  shortcomings: "不足和原因",
  nextYear: "下一年度安排",
  other: "其他",
  custom: "自定义部分",
};
const STATUS_NAMES = { new: "新增", changed: "修改", unchanged: "未改", removed: "删除" } as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(args, { json: { type: "boolean" } }, Args, USAGE);
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  const { report } = await loadReportFile(path);
  const comparison = compareWithLastYear(report.body, requireLastYear(report).body);
  const plans = planChecklist(report);
  io.out(opts.json ? `${JSON.stringify(toJson(comparison, plans), null, 2)}\n` : renderText(comparison, plans));
  return EXIT_OK;
}

function toJson(c: Comparison, plans: PlanChecklistItem[]) {
  return {
    unchangedRatio: c.unchangedRatio,
    parts: c.parts.map((p) => ({ part: p.part, unchangedRatio: p.unchangedRatio, counts: p.counts })),
    paragraphs: c.paragraphs.map((p) => ({
      status: p.status,
      part: p.part,
      text: p.text,
      lastYearText: p.lastYearText,
      unchangedRatio: p.unchangedRatio,
      path: p.path,
      lastYearPath: p.lastYearPath,
    })),
    plans: plans.map((p) => ({ key: p.key, text: p.text, status: p.status, reason: p.reason })),
  };
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function renderText(c: Comparison, plans: PlanChecklistItem[]): string {
  const lines = [`与上年相同的文字：${percent(c.unchangedRatio)}`, "", "各部分："];
  for (const p of c.parts) {
    lines.push(
      `  ${PART_NAMES[p.part] ?? p.part}  相同 ${percent(p.unchangedRatio)}（新增 ${p.counts.new}，修改 ${p.counts.changed}，未改 ${p.counts.unchanged}，删除 ${p.counts.removed}）`,
    );
  }
  lines.push("", "段落：");
  for (const p of c.paragraphs) {
    const text = p.status === "removed" ? p.lastYearText : p.text;
    lines.push(`  [${STATUS_NAMES[p.status]}] ${text.length > 50 ? `${text.slice(0, 50)}…` : text}`);
  }
  if (plans.length > 0) {
    lines.push("", "上年安排落实情况：");
    for (const p of plans) lines.push(`  [${PLAN_STATUS_NAMES[p.status]}] ${p.key}${p.reason ? `（${p.reason}）` : ""}`);
  }
  lines.push("");
  return lines.join("\n");
}
