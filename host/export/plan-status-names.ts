import type { PlanChecklistItem } from "../../core/compare/plan-checklist";

/** How each of last year's plans stands, in the words of the CLI and the exported table. */
export const PLAN_STATUS_NAMES: Readonly<Record<PlanChecklistItem["status"], string>> = {
  addressed: "已落实",
  notDone: "未落实",
  open: "待对照",
};
