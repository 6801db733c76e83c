import type { Report } from "../../core/model/report";
import { isEditable } from "../../core/workflow/assert-editable";
import { stageName } from "../../core/workflow/state-names";

/** Why an approved report cannot be edited, in the app's words (no command line); null while editable. */
export function lockedMessage(report: Report): string | null {
  if (isEditable(report)) return null;
  return `报告第 ${report.workflow.revision} 稿${stageName(report.workflow)}，内容已冻结：正文、字段和报告信息都不能修改。如需修改，请点“修订”创建修订稿，原签发稿会保留在签核记录中。`;
}
