import { NianbaoError } from "../errors/nianbao-error";
import { blockingFindings } from "../checks/blocking-findings";
import type { Finding } from "../checks/finding";
import type { Report } from "../model/report";
import type { Template } from "../model/template";

/** 签发 (approve) and 数字签名 (sign): the two steps after which a report goes out as it is. */
export type SignOffStep = "approve" | "sign";

/**
 * The check errors that stop a step. 签发 fills an empty 成文日期 with its own date, so a missing
 * date blocks signing but not approval; warnings never block.
 */
export function signOffBlockers(report: Report, template: Template, today: string, step: SignOffStep): Finding[] {
  return blockingFindings(report, template, { today, purpose: step });
}

/** The hint on a refusal whose list the app shows in its 检查 panel rather than in a notice. */
export const SHOW_CHECKS_HINT = "请在“检查”面板中逐项处理。";

/** Refuses the step while errors remain, listing each one as the 检查 panel and `nianbao check` name it. */
export function assertNoSignOffBlockers(report: Report, template: Template, today: string, step: SignOffStep): void {
  const blockers = signOffBlockers(report, template, today, step);
  if (blockers.length === 0) return;
  const action = step === "approve" ? "签发" : "签名";
  const shown = blockers.slice(0, 20);
  const more = blockers.length > shown.length ? `\n……另有 ${blockers.length - shown.length} 项` : "";
  throw new NianbaoError(
    "forbidden",
    `检查发现 ${blockers.length} 项错误，须先处理才能${action}：\n${shown.map((f, i) => `${i + 1}. [${f.id}] ${f.message}`).join("\n")}${more}`,
    `${blockers.length} check error(s) block ${step === "approve" ? "approval" : "signing"}: ${[...new Set(blockers.map((f) => f.id))].join(", ")}`,
    { hint: SHOW_CHECKS_HINT },
  );
}
