import { compareWithLastYear } from "../compare/compare-with-last-year";
import { planChecklist } from "../compare/plan-checklist";
import type { DocNode } from "../model/doc";
import type { PartId } from "../model/part-id";
import type { Template } from "../model/template";
import type { CheckContext } from "./check-context";
import { at, type Finding } from "./finding";

/**
 * Above these shares of text taken over unchanged from last year, a part reads as copied
 * (内容雷同, named as grounds for accountability). Only the parts that must report this year's
 * work are judged: the duties and the plans may fairly repeat themselves.
 */
export const COPIED_TEXT_LIMITS: Partial<Record<PartId, number>> = { measures: 0.3, shortcomings: 0.3 };

/** Against last year's snapshot: parts copied over, and last year's plans nobody has answered. */
export function checkLastYear({ report, template, copiedTextLimits }: CheckContext): Finding[] {
  const last = report.lastYear;
  if (!last) return [];
  const limits = copiedTextLimits ?? COPIED_TEXT_LIMITS;
  const findings: Finding[] = [];
  for (const part of compareWithLastYear(report.body, last.body).parts) {
    if (part.part === "opening" || part.part === "custom") continue;
    const limit = limits[part.part];
    if (limit === undefined || part.unchangedRatio <= limit) continue;
    findings.push({
      id: "COPY-HIGH",
      severity: "warning",
      message: `“${partName(template, part.part)}”有 ${percent(part.unchangedRatio)} 的文字与上年报告相同（超过 ${percent(limit)}），请按本年实际工作改写，避免内容雷同`,
      location: at(part.part, partPath(report.body, part.part, "body")),
    });
  }
  for (const item of planChecklist(report)) {
    if (item.status === "open") {
      findings.push({
        id: "PLAN-OPEN",
        severity: "warning",
        message: `上年报告的安排“${item.key}”尚未对照：请关联本年报告中的落实内容，或标记为未落实并说明原因`,
        location: at(null, partPath(last.body, "nextYear", "lastYear")),
      });
    } else if (item.status === "notDone") {
      findings.push({
        id: "PLAN-NOT-DONE",
        severity: "info",
        message: `上年报告的安排“${item.key}”标记为未落实（${item.reason ?? ""}），宜在“存在的不足和原因”中说明`,
        location: at("shortcomings", partPath(report.body, "shortcomings", "body")),
      });
    }
  }
  return findings;
}

function partPath(body: DocNode, partId: PartId, root: "body" | "lastYear"): (string | number)[] | null {
  const index = body.content.findIndex((n) => n.type === "part" && n.attrs.partId === partId);
  if (index < 0) return null;
  return root === "body" ? ["body", "content", index] : ["lastYear", "body", "content", index];
}

function partName(template: Template, partId: PartId): string {
  return template.parts.find((p) => p.id === partId)?.heading.replace(/\{(year|nextYear)\}年/g, "") ?? partId;
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
