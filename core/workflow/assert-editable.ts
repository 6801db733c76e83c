import canonicalize from "canonicalize";
import { NianbaoError } from "../errors/nianbao-error";
import type { Report } from "../model/report";
import { reportContentHash } from "./content-hash";
import { STATE_NAMES } from "./state-names";

/** Why a frozen report cannot change, in words for every clerk (the CLI prints the command in English too). */
export function lockedMessageZh(revision: number, state: Report["workflow"]["state"]): string {
  return `报告第 ${revision} 稿${STATE_NAMES[state]}，内容已冻结，不能直接修改。如需修改，请先“修订”（创建修订稿），原签发稿会保留在签核记录中。`;
}

export function isEditable(report: Report): boolean {
  return report.workflow.state === "draft" || report.workflow.state === "review";
}

/** Refuses any content change to an approved or published report, saying how to make a revision. */
export function assertEditable(report: Report): void {
  if (isEditable(report)) return;
  const { state, revision } = report.workflow;
  throw new NianbaoError(
    "report_locked",
    lockedMessageZh(revision, state),
    `revision ${revision} is ${state} and read-only; create a revision first (nianbao workflow <file> revise --as <name> --role 拟稿人); the approved revision stays in the history`,
  );
}

/**
 * Checks a report about to replace `before` on disk: content may change only while editable,
 * and the sign-off history (events, frozen revisions, signature records) may only grow. Workflow steps made with
 * applyWorkflowAction always pass.
 */
export function assertChangeAllowed(before: Report, after: Report): void {
  if (before.id !== after.id) {
    throw new NianbaoError(
      "forbidden",
      "要保存的报告与磁盘上的不是同一份报告，未保存。",
      "the report being saved is a different report from the one on disk",
    );
  }
  if (!historyExtends(before, after)) {
    throw new NianbaoError(
      "forbidden",
      "签核记录只能追加，不能修改或删除，未保存。",
      "the sign-off history may only be appended to; not saved",
    );
  }
  const last = after.workflow.events.at(-1);
  if (last !== undefined && (last.to !== after.workflow.state || last.revision !== after.workflow.revision)) {
    throw new NianbaoError(
      "forbidden",
      "报告状态与签核记录不符，未保存。",
      "the workflow state does not match the last sign-off event; not saved",
    );
  }
  const revised = after.workflow.events.slice(before.workflow.events.length).some((e) => e.action === "revise");
  // Hash only a frozen report: autosaves of a draft would otherwise hash the whole report twice.
  if (!revised && !isEditable(before) && reportContentHash(before) !== reportContentHash(after)) assertEditable(before);
}

function historyExtends(before: Report, after: Report): boolean {
  // Key order differs between a parsed file and objects built in memory; compare canonically.
  const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);
  const events = after.workflow.events;
  const revisions = after.revisions;
  return (
    events.length >= before.workflow.events.length &&
    before.workflow.events.every((e, i) => same(e, events[i])) &&
    revisions.length >= before.revisions.length &&
    before.revisions.every((r, i) => same(r, revisions[i])) &&
    after.signatures.length >= before.signatures.length &&
    before.signatures.every((s, i) => same(s, after.signatures[i]))
  );
}
