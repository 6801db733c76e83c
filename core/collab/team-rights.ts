import { NianbaoError } from "../errors/nianbao-error";
import { lockedMessageZh } from "../workflow/assert-editable";
import type { WorkflowState } from "../model/workflow";
import { MEMBER_REPORT_KEYS } from "./report-ydoc";
import type { TeamIdentity } from "./team-user";
import type { TouchedPlace } from "./touched-places";

/** Report keys a writer may change directly; the sign-off history changes only through the server's 签核 steps. */
const WRITABLE_REPORT_KEYS = new Set<string>(MEMBER_REPORT_KEYS);

export interface RightsContext {
  state: WorkflowState | null;
  revision: number;
  /** A field's 来源部门 before and after the change (undefined: no such field at that moment). */
  fieldSource: (id: string, when: "before" | "after") => string | null | undefined;
}

/**
 * Refuses a change a team member may not make, with a message for them; returns nothing when it
 * may pass. Runs on the server for every update, before the update reaches anyone else.
 */
export function assertTeamChangeAllowed(user: TeamIdentity, places: readonly TouchedPlace[], context: RightsContext): void {
  if (places.length === 0) return;
  if (context.state === "approved" || context.state === "published") {
    throw new NianbaoError(
      "report_locked",
      `${lockedMessageZh(context.revision, context.state)}本次修改已撤回。`,
      `revision ${context.revision} is ${context.state} and read-only for everyone until 修订; the change was reverted`,
    );
  }
  for (const place of places) {
    const refusal = refusalOf(user, place, context);
    if (refusal !== null) {
      throw new NianbaoError(
        "forbidden",
        `“${user.name}”（${user.role}）${refusal.zh}本次修改已撤回。`,
        `${user.name} (${user.role}) ${refusal.en}; the change was reverted`,
      );
    }
  }
}

function refusalOf(user: TeamIdentity, place: TouchedPlace, context: RightsContext): { zh: string; en: string } | null {
  if (place.kind === "unknown")
    return { zh: `修改了报告以外的数据（${place.name}）。`, en: `changed data outside the report (${place.name})` };
  if (place.kind === "report" && !WRITABLE_REPORT_KEYS.has(place.key)) {
    return {
      zh: "不能直接改动签核记录等报告信息，请使用签核按钮。",
      en: `may not change "${place.key}" directly; sign-off goes through the workflow steps`,
    };
  }
  switch (user.role) {
    case "拟稿人":
    case "审核人":
      return null;
    case "签发人":
      return { zh: "只办理签发，不修改报告内容。", en: "signs off and does not edit the content" };
    case "部门":
      return departmentRefusal(user, place, context);
  }
}

function departmentRefusal(user: TeamIdentity, place: TouchedPlace, context: RightsContext): { zh: string; en: string } | null {
  const grants = new Set(user.parts);
  switch (place.kind) {
    case "subsection":
      if (grants.has(place.part) || grants.has(`${place.part}.${place.subsection}`)) return null;
      return {
        zh: `只能修改分配给本部门的部分，“${describeSubsection(place.heading, place.subheading)}”不在其中。`,
        en: `may only change the parts given to the department; ${place.part}.${place.subsection} is not one of them`,
      };
    case "part":
      if (grants.has(place.part)) return null;
      return {
        zh: `只能修改分配给本部门的部分，“${place.heading || place.part}”不在其中（增删二级标题须整个部分分配给本部门）。`,
        en: `may only change the parts given to the department; part ${place.part} (its headings) is not one of them`,
      };
    case "field": {
      const before = context.fieldSource(place.id, "before");
      const after = context.fieldSource(place.id, "after");
      const mine = user.fieldsOf;
      const allowed =
        before === undefined
          ? after === undefined || after === null || after === mine
          : before === mine && (after === undefined || after === mine);
      if (allowed && mine !== null) return null;
      return {
        zh: `只能填写来源部门为“${mine ?? "（未指定）"}”的数字，字段 ${place.id} 不属于本部门。`,
        en: `may only fill the fields of department ${mine ?? "(none given)"}; field ${place.id} is not one of them`,
      };
    }
    case "meta":
      return { zh: "不能修改报告信息（标题、发文机关、日期等）。", en: `may not change report info (${place.key})` };
    case "structure":
    case "opening":
      return { zh: "不能增删部分或修改开头段落。", en: "may not add or remove parts or change the opening paragraphs" };
    case "report":
      return { zh: "不能修改上年安排的落实情况。", en: `may not change ${place.key}` };
    case "unknown":
      return null;
  }
}

function describeSubsection(heading: string, subheading: string): string {
  const part = heading.trim() === "" ? "该部分" : heading.trim();
  return subheading.trim() === "" ? `${part}（开头段落）` : `${part} ${subheading.trim()}`;
}
