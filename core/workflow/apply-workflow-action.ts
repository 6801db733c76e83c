import { z } from "zod";
import { NianbaoError } from "../errors/nianbao-error";
import type { CoreDeps } from "../model/deps";
import type { FrozenRevision, Report } from "../model/report";
import { SignoffRole, type WorkflowEvent, type WorkflowState } from "../model/workflow";
import { approvalStatus } from "./approval-status";
import { reportContent, reportContentHash } from "./content-hash";
import { currentRound, reviewPassed, stageName } from "./state-names";

export const WorkflowStep = z.enum(["submit", "return", "review", "approve", "publish", "revise"]);
export type WorkflowStep = z.infer<typeof WorkflowStep>;

/** One sign-off step as a person asks for it (CLI, editor dialog). */
export const WorkflowRequest = z.object({
  action: WorkflowStep,
  person: z.string().trim().min(1, "须填写姓名").max(100),
  role: SignoffRole,
  comment: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .transform((c) => (c === "" ? null : c)),
});
export type WorkflowRequest = z.input<typeof WorkflowRequest>;

interface StepRule {
  from: readonly WorkflowState[];
  to: WorkflowState;
  roles: readonly SignoffRole[];
  label: string;
}

const ANY_ROLE = SignoffRole.options;

export const STEP_RULES: Readonly<Record<WorkflowStep, StepRule>> = {
  submit: { from: ["draft"], to: "review", roles: ["拟稿人"], label: "提交审核" },
  return: { from: ["review"], to: "draft", roles: ANY_ROLE, label: "退回修改" },
  review: { from: ["review"], to: "review", roles: ["审核人"], label: "审核通过" },
  approve: { from: ["review"], to: "approved", roles: ["签发人"], label: "签发" },
  publish: { from: ["approved"], to: "published", roles: ANY_ROLE, label: "公开" },
  revise: { from: ["approved", "published"], to: "draft", roles: ANY_ROLE, label: "创建修订稿" },
};

/**
 * Applies one sign-off step and returns the new report; the input is not changed. Every step
 * appends an event carrying the hash of the content as it stands after the step.
 */
export function applyWorkflowAction(report: Report, request: WorkflowRequest, deps: Pick<CoreDeps, "now">): Report {
  const parsed = WorkflowRequest.safeParse(request);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.message).join("；");
    throw new NianbaoError("invalid_input", `签核信息有误：${detail}`, `invalid sign-off request: ${detail}`);
  }
  const { action, person, role, comment } = parsed.data;
  const rule = STEP_RULES[action];
  const from = report.workflow.state;
  if (!rule.from.includes(from)) {
    throw new NianbaoError(
      "forbidden",
      `报告当前为“${stageName(report.workflow)}”，不能${rule.label}。${nextStepHint(from)}`,
      `cannot ${action} a report in state "${from}"`,
    );
  }
  if (!rule.roles.includes(role)) {
    throw new NianbaoError(
      "forbidden",
      `${rule.label}须由${rule.roles.join("或")}办理，不能以“${role}”身份办理。`,
      `${action} must be done as ${rule.roles.join(" or ")}, not as ${role}`,
    );
  }
  if (action === "approve" && !reviewPassed(report.workflow)) {
    throw new NianbaoError(
      "forbidden",
      "本稿尚未审核通过，不能签发。请先由审核人审核通过。",
      "cannot approve: this draft has not passed review (审核通过) yet",
    );
  }
  if (report.workflow.distinctPeople) assertDistinctPeople(report, action, person);
  const at = deps.now();
  let next: Report = { ...report, updatedAt: at };
  let revision = report.workflow.revision;
  if (action === "approve") {
    // 签发 fixes the 落款: the 成文日期 is the day of 签发 unless the author set one.
    next = { ...next, meta: { ...next.meta, date: next.meta.date ?? localDate(at), issuer: person } };
  } else if (action === "publish") {
    assertUnchangedSinceApproval(report);
  } else if (action === "revise") {
    next = startRevision(next, report);
    revision += 1;
  }
  const event: WorkflowEvent = { action, from, to: rule.to, person, role, at, comment, contentHash: reportContentHash(next), revision };
  return { ...next, workflow: { ...report.workflow, state: rule.to, revision, events: [...report.workflow.events, event] } };
}

/**
 * The unit's separation of duties: whoever drafted (提交审核) a round may not pass it (审核通过)
 * nor 签发 it, and the 审核人 may not 签发 it either.
 */
function assertDistinctPeople(report: Report, action: WorkflowStep, person: string): void {
  if (action !== "review" && action !== "approve") return;
  const round = currentRound(report.workflow);
  const drafter = round.find((e) => e.action === "submit")?.person;
  const reviewer = action === "approve" ? [...round].reverse().find((e) => e.action === "review")?.person : undefined;
  const doing = action === "review" ? "审核通过" : "签发";
  const earlier = person === drafter ? "拟稿人（提交审核）" : person === reviewer ? "审核人（审核通过）" : null;
  if (earlier === null) return;
  throw new NianbaoError(
    "forbidden",
    `本单位要求拟稿人、审核人、签发人为不同人员：“${person}”已作为本稿的${earlier}，不能再${doing}。请由另一位同事办理；如本单位不作此要求，可在起草时于“签发”面板关闭此设置。`,
    `this unit requires the drafter, reviewer and approver to be different people: "${person}" already acted as ${earlier === "拟稿人（提交审核）" ? "drafter" : "reviewer"} of this draft`,
  );
}

function startRevision(next: Report, approved: Report): Report {
  const status = approvalStatus(approved);
  const approval = status.approval;
  if (approval === null || status.approvedHash === null) {
    throw new NianbaoError(
      "file_invalid",
      "报告标记为已签发，但找不到签发记录，无法创建修订稿。",
      "the report is marked approved but has no approve event",
    );
  }
  const frozen: FrozenRevision = {
    revision: approved.workflow.revision,
    state: approved.workflow.state === "published" ? "published" : "approved",
    contentHash: status.approvedHash,
    approvedBy: approval.person,
    approvedAt: approval.at,
    content: reportContent(approved),
  };
  // A 成文日期 that 签发 filled in belongs to that approval; the next 签发 fills its own.
  const date = next.meta.date === localDate(approval.at) ? null : next.meta.date;
  return { ...next, meta: { ...next.meta, date, issuer: null }, revisions: [...approved.revisions, frozen] };
}

function assertUnchangedSinceApproval(report: Report): void {
  if (approvalStatus(report).modifiedSinceApproval === true) {
    throw new NianbaoError(
      "report_locked",
      "报告内容与签发时不一致（签发后被改动过），不能公开。请创建修订稿并重新签发。",
      "the content no longer matches the approved hash; create a revision and approve it again",
    );
  }
}

function nextStepHint(state: WorkflowState): string {
  switch (state) {
    case "draft":
      return "请先由拟稿人提交审核。";
    case "review":
      return "报告正在审核或待签发，可审核通过、签发或退回修改。";
    case "approved":
      return "报告已签发；如需修改，请创建修订稿。";
    case "published":
      return "报告已公开；如需修改，请创建修订稿。";
  }
}

/** The calendar date of an ISO timestamp in its own offset: the host passes local time. */
function localDate(iso: string): string {
  return iso.slice(0, 10);
}
