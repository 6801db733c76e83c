import type { PlanDecision, Report } from "../model/report";
import { extractPlans } from "./extract-plans";

export type PlanStatus = "open" | "addressed" | "notDone";

export interface PlanChecklistItem {
  key: string;
  text: string;
  status: PlanStatus;
  link: PlanDecision["link"];
  reason: string | null;
}

/** Last year's plans with this year's decisions; items nobody has answered are open. */
export function planChecklist(report: Report): PlanChecklistItem[] {
  if (!report.lastYear) return [];
  const decisions = new Map(report.plans.map((d) => [d.key, d]));
  return extractPlans(report.lastYear.body).map((item) => {
    const decision = decisions.get(item.key);
    return {
      key: item.key,
      text: item.text,
      status: decision?.status ?? "open",
      link: decision?.link ?? null,
      reason: decision?.reason ?? null,
    };
  });
}

/** Records (or, with null, withdraws) the decision on one plan item. */
export function decidePlan(report: Report, key: string, decision: Omit<PlanDecision, "key"> | null): Report {
  const others = report.plans.filter((d) => d.key !== key);
  return { ...report, plans: decision === null ? others : [...others, { key, ...decision }] };
}
