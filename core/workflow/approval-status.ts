import type { Report } from "../model/report";
import type { WorkflowEvent } from "../model/workflow";
import { reportContentHash } from "./content-hash";

export interface ApprovalStatus {
  state: Report["workflow"]["state"];
  revision: number;
  /** The approve event of the current revision, when it is approved or published. */
  approval: WorkflowEvent | null;
  approvedHash: string | null;
  currentHash: string;
  /** True when the content no longer matches what was 签发 (edited outside Nianbao); null when not approved. */
  modifiedSinceApproval: boolean | null;
}

export function approvalStatus(report: Report): ApprovalStatus {
  const { state, revision } = report.workflow;
  const currentHash = reportContentHash(report);
  const approval = state === "approved" || state === "published" ? latestApproval(report) : null;
  const approvedHash = approval?.contentHash ?? null;
  return {
    state,
    revision,
    approval,
    approvedHash,
    currentHash,
    modifiedSinceApproval: approvedHash === null ? null : approvedHash !== currentHash,
  };
}

function latestApproval(report: Report): WorkflowEvent | null {
  const { events, revision } = report.workflow;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.action === "approve" && event.revision === revision) return event;
  }
  return null;
}
