import { describe, expect, it } from "vitest";
import { planAnswers } from "../../../core/collect/plan-answers";
import type { ReturnedWorkbook } from "../../../core/collect/returned-workbook";
import { applyEdits } from "../../../core/edits/apply-edit";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { Field } from "../../../core/model/field";
import { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

const READ_AT = "2025-01-12T09:30:00.000+08:00";

/** The fixture with two counts asked of 信访办, not yet answered. */
function report(): Report {
  const r = fixtureReport();
  const open = (id: string, label: string, last: string) =>
    Field.parse({ id, label, kind: "count", value: null, unit: "件", status: "unconfirmed", source: "信访办", lastYear: { value: last } });
  return { ...r, fields: { f16: open("f16", "受理信访件", "590"), f17: open("f17", "化解信访积案", "9") } };
}

function workbook(r: Report, answers: Record<string, string | null>, overrides: Partial<ReturnedWorkbook> = {}): ReturnedWorkbook {
  const sha = (overrides.fileSha256 ?? "a".repeat(64)).padEnd(64, "0");
  return {
    fileName: "信访办.xlsx",
    requestId: "req-1",
    reportId: r.id,
    reportYear: r.meta.reportYear,
    department: "信访办",
    respondent: "王芳",
    phone: "12345",
    rows: Object.entries(answers).map(([fieldId, answer], i) => ({ fieldId, row: i + 2, answer, note: null })),
    ...overrides,
    fileSha256: sha,
  };
}

function apply(r: Report, workbooks: ReturnedWorkbook[], acceptFormulas = false) {
  const plan = planAnswers(r, workbooks, { readAt: READ_AT, acceptFormulas });
  return { plan, after: applyEdits(r, plan.edits, { now: fixedDeps().now, template: fazhiTemplate() }) };
}

describe("reading departments' answers into a report", () => {
  it("sets answered values unconfirmed, with who answered, from which file and when", () => {
    const r = report();
    const { plan, after } = apply(r, [workbook(r, { f16: "612", f17: null })]);
    expect(plan.result.files).toEqual([
      { fileName: "信访办.xlsx", department: "信访办", requestId: "req-1", answered: 1, blank: 1, skipped: null },
    ]);
    const f16 = after.fields["f16"];
    expect([f16?.value, f16?.status]).toEqual(["612", "unconfirmed"]);
    expect(f16?.provenance).toEqual([
      {
        department: "信访办",
        fileName: "信访办.xlsx",
        requestId: "req-1",
        respondent: "王芳",
        phone: "12345",
        readAt: READ_AT,
        fileSha256: workbook(r, {}).fileSha256,
        answer: "612",
        note: null,
        outcome: "applied",
      },
    ]);
    expect(after.fields["f17"]?.value).toBe(null);
    expect(after.fields["f17"]?.provenance).toBeUndefined();
    // The saved report validates: provenance is part of the schema.
    expect(Report.safeParse(after).success).toBe(true);
  });

  it("keeps answers that disagree as conflicts and leaves the value alone; agreeing answers are taken", () => {
    const r = report();
    const { plan, after } = apply(r, [
      workbook(r, { f16: "612", f17: "11" }, { fileName: "a.xlsx", fileSha256: "a" }),
      workbook(r, { f16: "618", f17: "11.0" }, { fileName: "b.xlsx", fileSha256: "b" }),
    ]);
    expect(plan.result.conflicts).toEqual([
      {
        fieldId: "f16",
        label: r.fields["f16"]?.label,
        kind: "answers",
        current: null,
        answers: [
          { department: "信访办", fileName: "a.xlsx", answer: "612" },
          { department: "信访办", fileName: "b.xlsx", answer: "618" },
        ],
      },
    ]);
    expect(after.fields["f16"]?.value).toBe(null);
    expect(after.fields["f16"]?.provenance?.map((p) => [p.fileName, p.outcome, p.conflict])).toEqual([
      ["a.xlsx", "conflict", "answers"],
      ["b.xlsx", "conflict", "answers"],
    ]);
    expect(after.fields["f17"]?.value).toBe("11");
    // A later answer that differs from an applied one is a conflict too.
    const later = apply(after, [workbook(after, { f17: "12" }, { fileName: "c.xlsx", fileSha256: "c" })]);
    expect(later.plan.result.conflicts.map((c) => [c.fieldId, c.kind, c.current])).toEqual([["f17", "answers", "11"]]);
    expect(later.after.fields["f17"]?.value).toBe("11");
  });

  it("does not overwrite a value the clerk confirmed; an answer that agrees is recorded and the value stays confirmed", () => {
    const base = report();
    const r = applyEdits(
      base,
      [
        { type: "changeField", fieldId: "f16", input: "600", confirm: true },
        { type: "changeField", fieldId: "f17", input: "11", confirm: true },
      ],
      { now: fixedDeps().now, template: fazhiTemplate() },
    );
    const { plan, after } = apply(r, [workbook(r, { f16: "612", f17: "11" })]);
    expect(plan.result.conflicts.map((c) => [c.fieldId, c.kind, c.current])).toEqual([["f16", "confirmed", "600"]]);
    expect([after.fields["f16"]?.value, after.fields["f16"]?.status]).toEqual(["600", "confirmed"]);
    expect([after.fields["f17"]?.value, after.fields["f17"]?.status, after.fields["f17"]?.provenance?.[0]?.outcome]).toEqual([
      "11",
      "confirmed",
      "applied",
    ]);
  });

  it("refuses a workbook for another report or year, a formula unless accepted, and a value the field cannot take", () => {
    const r = report();
    const refused = (workbooks: ReturnedWorkbook[], accept = false) => {
      try {
        planAnswers(r, workbooks, { readAt: READ_AT, acceptFormulas: accept });
      } catch (error) {
        expect(error).toBeInstanceOf(NianbaoError);
        return (error as NianbaoError).zh;
      }
      throw new Error("not refused");
    };
    expect(refused([workbook(r, { f16: "1" }, { reportId: "another-report-id" })])).toContain("为另一份报告");
    expect(refused([workbook(r, { f16: "1" }, { reportYear: 2019 })])).toContain("征集的是 2019 年度数据，本报告是 2023 年度");
    expect(refused([workbook(r, { f16: "-5" })])).toContain("第 2 行（f16）");
    const formula: ReturnedWorkbook = {
      ...workbook(r, {}),
      rows: [{ fieldId: "f16", row: 2, answer: "612", formula: "600+12", note: null }],
    };
    expect(refused([formula])).toContain("本年数值是公式“=600+12”（表格程序上次算得 612）");
    const accepted = planAnswers(r, [formula], { readAt: READ_AT, acceptFormulas: true });
    expect(accepted.result.applied).toEqual([
      { fieldId: "f16", label: r.fields["f16"]?.label, department: "信访办", fileName: "信访办.xlsx", answer: "612", formula: "600+12" },
    ]);
  });

  it("passes over a file it has read before", () => {
    const r = report();
    const { after } = apply(r, [workbook(r, { f16: "612" })]);
    const again = planAnswers(after, [workbook(after, { f16: "612" })], { readAt: READ_AT, acceptFormulas: false });
    expect(again.edits).toEqual([]);
    expect(again.result.files[0]?.skipped).toContain("已读取过");
  });
});

describe("the field model with provenance", () => {
  it("loads fields written before provenance existed, and refuses a malformed answer record", () => {
    const { provenance: _none, ...old } = report().fields["f16"] as Field;
    expect(Field.parse(old).provenance).toBeUndefined();
    const bad = { ...old, provenance: [{ department: "信访办", answer: "1", outcome: "applied" }] };
    expect(Field.safeParse(bad).success).toBe(false);
  });
});
