import { describe, expect, it } from "vitest";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { createReport } from "../../../core/model/create-report";
import { Report } from "../../../core/model/report";
import { applyWorkflowAction, type WorkflowRequest } from "../../../core/workflow/apply-workflow-action";
import { approvalStatus } from "../../../core/workflow/approval-status";
import { assertChangeAllowed, assertEditable } from "../../../core/workflow/assert-editable";
import { stageName } from "../../../core/workflow/state-names";
import { applyEdit } from "../../../core/edits/apply-edit";
import { contentHash, reportContent, reportContentHash } from "../../../core/workflow/content-hash";
import { fixedDeps } from "../../support/deps";
import { thrownBy } from "../../support/error-code";
import { fazhiTemplate } from "../../support/template";

const clock = (at: string) => ({ now: () => at });
const draft = () => createReport(fazhiTemplate(), { org: "吴中区木渎镇人民政府", year: 2024 }, fixedDeps());

function step(
  report: Report,
  action: WorkflowRequest["action"],
  role: WorkflowRequest["role"],
  person: string,
  at = "2025-01-20T09:30:00.000+08:00",
): Report {
  return applyWorkflowAction(report, { action, person, role }, clock(at));
}

function approved(): Report {
  const submitted = step(draft(), "submit", "拟稿人", "王小明", "2025-01-18T10:00:00.000+08:00");
  const reviewed = step(submitted, "review", "审核人", "李审核", "2025-01-19T15:00:00.000+08:00");
  // 00:30 in Beijing is still the 20th there but the 19th in UTC: the 成文日期 must be local.
  return step(reviewed, "approve", "签发人", "张镇长", "2025-01-20T00:30:00.000+08:00");
}

function withEditedText(report: Report, text: string): Report {
  const [first, ...rest] = report.body.content;
  if (first?.type !== "part") throw new Error("expected a part");
  const part = {
    ...first,
    content: [...first.content, { type: "paragraph" as const, attrs: { carried: false }, content: [{ type: "text" as const, text }] }],
  };
  return { ...report, body: { ...report.body, content: [part, ...rest] } };
}

function expectError(fn: () => unknown, code: string, zhPart: string): void {
  const error = thrownBy(fn);
  expect(error.code).toBe(code);
  expect(error.zh).toContain(zhPart);
}

describe("content hash", () => {
  it("ignores workflow and timestamps but changes with any visible content", () => {
    const report = draft();
    const h = reportContentHash(report);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(reportContentHash({ ...report, updatedAt: "2030-01-01T00:00:00.000Z" })).toBe(h);
    expect(reportContentHash(step(report, "submit", "拟稿人", "王小明"))).toBe(h);
    expect(reportContentHash(withEditedText(report, "新增一句。"))).not.toBe(h);
    expect(reportContentHash({ ...report, meta: { ...report.meta, docNumber: "木政发〔2025〕1号" } })).not.toBe(h);
  });

  it("does not depend on key order and matches an independent SHA-256 of the canonical JSON", async () => {
    const content = reportContent(draft());
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as typeof content;
    expect(Object.keys(reordered)[0]).toBe("lastYear");
    expect(contentHash(reordered)).toBe(contentHash(content));
    const { createHash } = await import("node:crypto");
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortKeys)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
            )
          : v;
    expect(contentHash(content)).toBe(
      createHash("sha256")
        .update(JSON.stringify(sortKeys(content)), "utf8")
        .digest("hex"),
    );
  });
});

describe("sign-off workflow", () => {
  it("records drafter, reviewer and approver with roles, times, comments and content hashes", () => {
    const submitted = applyWorkflowAction(
      draft(),
      { action: "submit", person: " 王小明 ", role: "拟稿人", comment: "请审核" },
      clock("2025-01-18T10:00:00.000+08:00"),
    );
    const report = approved();
    expect(report.workflow.state).toBe("approved");
    const events = report.workflow.events.slice(1);
    expect(events.map((e) => [e.action, e.from, e.to, e.person, e.role])).toEqual([
      ["submit", "draft", "review", "王小明", "拟稿人"],
      ["review", "review", "review", "李审核", "审核人"],
      ["approve", "review", "approved", "张镇长", "签发人"],
    ]);
    expect(submitted.workflow.events.at(-1)?.comment).toBe("请审核");
    expect(submitted.workflow.events.at(-1)?.person).toBe("王小明");
    expect(events.at(-1)?.at).toBe("2025-01-20T00:30:00.000+08:00");
    expect(events.at(-1)?.contentHash).toBe(reportContentHash(report));
    expect(Report.safeParse(report).success).toBe(true);
  });

  it("签发 fills the 成文日期 with the local date and the 签发人, keeping a date the author set", () => {
    const report = approved();
    expect(report.meta.date).toBe("2025-01-20");
    expect(report.meta.issuer).toBe("张镇长");
    expect(report.meta.org).toBe("吴中区木渎镇人民政府");
    const preset = draft();
    const dated = { ...preset, meta: { ...preset.meta, date: "2025-01-15" } };
    const signed = step(step(step(dated, "submit", "拟稿人", "王小明"), "review", "审核人", "李审核"), "approve", "签发人", "张镇长");
    expect(signed.meta.date).toBe("2025-01-15");
  });

  it("refuses steps out of order or in the wrong role, naming the state and the role", () => {
    expectError(() => step(draft(), "approve", "签发人", "张镇长"), "forbidden", "请先由拟稿人提交审核");
    const submitted = step(draft(), "submit", "拟稿人", "王小明");
    expectError(() => step(submitted, "approve", "审核人", "李审核"), "forbidden", "签发须由签发人办理");
    // 拟稿 → 审核 → 签发: no 签发 of a draft the 审核人 has not passed, nor after it was returned.
    expectError(() => step(submitted, "approve", "签发人", "张镇长"), "forbidden", "尚未审核通过");
    const resubmitted = step(
      step(step(submitted, "review", "审核人", "李审核"), "return", "签发人", "张镇长"),
      "submit",
      "拟稿人",
      "王小明",
    );
    expectError(() => step(resubmitted, "approve", "签发人", "张镇长"), "forbidden", "尚未审核通过");
    expectError(() => step(approved(), "submit", "拟稿人", "王小明"), "forbidden", "创建修订稿");
    expectError(
      () => applyWorkflowAction(submitted, { action: "review", person: "  ", role: "审核人" }, clock("2025-01-20T09:00:00+08:00")),
      "invalid_input",
      "须填写姓名",
    );
  });

  it("names the stages as a clerk does: 起草中 → 审核中 → 待签发 → 已签发 → 已公开", () => {
    const submitted = step(draft(), "submit", "拟稿人", "王小明");
    const reviewed = step(submitted, "review", "审核人", "李审核");
    const signed = step(reviewed, "approve", "签发人", "张镇长");
    const published = step(signed, "publish", "拟稿人", "王小明");
    expect([draft(), submitted, reviewed, signed, published].map((r) => stageName(r.workflow))).toEqual([
      "起草中",
      "审核中",
      "待签发",
      "已签发",
      "已公开",
    ]);
    // Returned and submitted again: the new round has not been passed yet.
    const again = step(step(reviewed, "return", "签发人", "张镇长"), "submit", "拟稿人", "王小明");
    expect(stageName(again.workflow)).toBe("审核中");
  });

  it("requires three different people by default, and not once the unit turns the rule off", () => {
    const submitted = step(draft(), "submit", "拟稿人", "王小明");
    expectError(() => step(submitted, "review", "审核人", "王小明"), "forbidden", "拟稿人、审核人、签发人为不同人员");
    const reviewed = step(submitted, "review", "审核人", "李审核");
    expectError(() => step(reviewed, "approve", "签发人", "王小明"), "forbidden", "“王小明”已作为本稿的拟稿人");
    expectError(() => step(reviewed, "approve", "签发人", "李审核"), "forbidden", "“李审核”已作为本稿的审核人");
    expect(step(reviewed, "approve", "签发人", "张镇长").workflow.state).toBe("approved");
    const relaxed = applyEdit(
      draft(),
      { type: "workflowSettings", distinctPeople: false },
      { ...clock("2025-01-18T09:00:00.000+08:00"), template: fazhiTemplate() },
    );
    expect(relaxed.workflow.distinctPeople).toBe(false);
    const alone = step(step(step(relaxed, "submit", "拟稿人", "王小明"), "review", "审核人", "王小明"), "approve", "签发人", "王小明");
    expect(alone.workflow.state).toBe("approved");
    expect(alone.workflow.distinctPeople).toBe(false);
    // Not to be switched off once the draft is in review.
    expectError(
      () =>
        applyEdit(
          submitted,
          { type: "workflowSettings", distinctPeople: false },
          { ...clock("2025-01-19T09:00:00.000+08:00"), template: fazhiTemplate() },
        ),
      "forbidden",
      "起草中",
    );
  });

  it("returns a report in review to the drafter", () => {
    const back = step(step(draft(), "submit", "拟稿人", "王小明"), "return", "审核人", "李审核");
    expect(back.workflow.state).toBe("draft");
    expect(() => assertEditable(back)).not.toThrow();
  });
});

describe("frozen approved revisions", () => {
  it("refuses to edit an approved report and says how to make a revision", () => {
    const report = approved();
    expectError(() => assertEditable(report), "report_locked", "请先“修订”");
    // The app shows the Chinese words: no command line in them; the CLI adds the command in English.
    expect(thrownBy(() => assertEditable(report)).zh).not.toContain("nianbao");
    expect(thrownBy(() => assertEditable(report)).message).toContain("revise");
    expectError(() => assertChangeAllowed(report, withEditedText(report, "签发后偷偷改一句。")), "report_locked", "创建修订稿");
    expect(approvalStatus(withEditedText(report, "改")).modifiedSinceApproval).toBe(true);
    expect(approvalStatus(report).modifiedSinceApproval).toBe(false);
  });

  it("a revision restores editing and keeps the approved revision read-only in the history", () => {
    const report = approved();
    const published = step(report, "publish", "拟稿人", "王小明", "2025-01-25T09:00:00.000+08:00");
    const revised = step(published, "revise", "拟稿人", "王小明", "2025-03-01T09:00:00.000+08:00");
    expect(() => assertChangeAllowed(published, revised)).not.toThrow();
    expect(revised.workflow).toMatchObject({ state: "draft", revision: 2 });
    expect(revised.meta.date).toBeNull();
    expect(revised.meta.issuer).toBeNull();
    const frozen = revised.revisions[0];
    expect(frozen).toMatchObject({
      revision: 1,
      state: "published",
      approvedBy: "张镇长",
      contentHash: approvalStatus(report).approvedHash,
    });
    expect(frozen && contentHash(frozen.content)).toBe(frozen?.contentHash);
    const edited = withEditedText(revised, "第二稿新增内容。");
    expect(() => assertChangeAllowed(revised, edited)).not.toThrow();
    expect(() => assertChangeAllowed(edited, { ...edited, revisions: [] })).toThrow(/history/);
    const reordered = {
      ...edited,
      workflow: {
        ...edited.workflow,
        events: edited.workflow.events.map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e),
      },
    };
    expect(() => assertChangeAllowed(edited, reordered)).not.toThrow();
    expect(() =>
      assertChangeAllowed(edited, { ...edited, workflow: { ...edited.workflow, events: edited.workflow.events.slice(0, -1) } }),
    ).toThrow(NianbaoError);
    const reapproved = step(
      step(step(edited, "submit", "拟稿人", "王小明"), "review", "审核人", "李审核"),
      "approve",
      "签发人",
      "张镇长",
      "2025-03-05T09:00:00.000+08:00",
    );
    expect(reapproved.meta.date).toBe("2025-03-05");
    expect(reapproved.revisions).toHaveLength(1);
    expect(Report.parse(JSON.parse(JSON.stringify(reapproved)))).toEqual(reapproved);
  });

  it("refuses to publish content changed after 签发, and a state flip without an event", () => {
    const report = approved();
    expectError(() => step(withEditedText(report, "改"), "publish", "签发人", "张镇长"), "report_locked", "签发后被改动");
    expectError(
      () => assertChangeAllowed(report, { ...report, workflow: { ...report.workflow, state: "draft" } }),
      "forbidden",
      "状态与签核记录不符",
    );
  });
});
