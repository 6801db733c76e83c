import type { Workflow, WorkflowState } from "../model/workflow";

/** The stored states as a clerk names them; shared by the app and the CLI output. */
export const STATE_NAMES: Readonly<Record<WorkflowState, string>> = {
  draft: "起草中",
  review: "审核中",
  approved: "已签发",
  published: "已公开",
};

/** What the 签发人 sees once the 审核人 has passed the draft: still "review" on file, 待签发 to people. */
export const REVIEWED_NAME = "待签发";

/** The stage of a report as a clerk names it: 起草中 → 审核中 → 待签发 → 已签发 → 已公开. */
export function stageName(workflow: Pick<Workflow, "state" | "revision" | "events">): string {
  return workflow.state === "review" && reviewPassed(workflow) ? REVIEWED_NAME : STATE_NAMES[workflow.state];
}

/** True when the current round of review (since the last 提交审核 of this revision) has 审核通过. */
export function reviewPassed(workflow: Pick<Workflow, "revision" | "events">): boolean {
  return currentRound(workflow).some((e) => e.action === "review");
}

/** The events since the latest 提交审核 of the current revision, oldest first. */
export function currentRound(workflow: Pick<Workflow, "revision" | "events">): Workflow["events"] {
  const { events, revision } = workflow;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event === undefined || event.revision !== revision) return [];
    if (event.action === "return") return [];
    if (event.action === "submit") return events.slice(i);
  }
  return [];
}
