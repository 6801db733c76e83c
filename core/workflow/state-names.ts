import type { WorkflowState } from "../model/workflow";

export const STATE_NAMES: Readonly<Record<WorkflowState, string>> = {
  draft: "起草",
  review: "审核中",
  approved: "已签发",
  published: "已公开",
};
