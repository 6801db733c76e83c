import { describe, expect, it } from "vitest";
import { applyEdit } from "../../../core/edits/apply-edit";
import { changeField } from "../../../core/edits/change-field";
import { Field } from "../../../core/model/field";
import { thrownBy } from "../../support/error-code";
import { fazhiTemplate } from "../../support/template";
import { cleanReport, withFields } from "../checks/crafted-report";

const carried = Field.parse({
  id: "accepted",
  label: "受理审批服务事项",
  kind: "count",
  value: "360000",
  unit: "件",
  scale: "万",
  qualifier: "超",
  status: "confirmed",
  lastYear: { value: "360000", unit: "件", scale: "万", qualifier: "超" },
});
const rate = Field.parse({ id: "closed", label: "结案率", kind: "percent", value: "93.26", unit: "%", decimals: 2, status: "confirmed" });

describe("changeField: the one way a typed value becomes a field", () => {
  it("keeps the written qualifier when the clerk types a bare number, and takes a typed one", () => {
    expect(changeField(carried, { fieldId: "accepted", input: "38万" })).toMatchObject({ value: "380000", qualifier: "超", scale: "万" });
    expect(changeField(carried, { fieldId: "accepted", input: "约38万" })).toMatchObject({ value: "380000", qualifier: "约" });
    expect(changeField(carried, { fieldId: "accepted", input: "38万", qualifier: "none" })).toMatchObject({
      qualifier: "none",
      exact: true,
    });
  });

  it("leaves a changed value unconfirmed, keeps the status of an unchanged one, and confirms only when asked", () => {
    expect(changeField(carried, { fieldId: "accepted", input: "38万" }).status).toBe("unconfirmed");
    expect(changeField(carried, { fieldId: "accepted", input: "360000", label: "受理事项" })).toMatchObject({
      status: "confirmed",
      label: "受理事项",
    });
    expect(changeField(carried, { fieldId: "accepted", input: "38万", confirm: true }).status).toBe("confirmed");
    expect(changeField(carried, { fieldId: "accepted", confirm: false }).status).toBe("unconfirmed");
    expect(thrownBy(() => changeField(carried, { fieldId: "accepted", input: "", confirm: true })).zh).toContain("尚无数值，不能确认");
  });

  it("keeps the precision typed: 95.5 is 95.5%, 95.50 is 95.50%", () => {
    expect(changeField(rate, { fieldId: "closed", input: "95.5" })).toMatchObject({ value: "95.5", decimals: 1 });
    expect(changeField(rate, { fieldId: "closed", input: "95.50%" })).toMatchObject({ value: "95.5", decimals: 2 });
  });

  it("refuses nonsense in the clerk's words", () => {
    expect(thrownBy(() => changeField(rate, { fieldId: "closed", input: "150%" })).zh).toContain("0%–100%");
    expect(thrownBy(() => changeField(carried, { fieldId: "accepted", input: "-5" })).zh).toContain("不能为负数");
    expect(thrownBy(() => changeField(carried, { fieldId: "accepted", input: "abc" })).code).toBe("invalid_input");
  });
});

describe("applyEdit", () => {
  const report = withFields(cleanReport(), carried, rate);
  const clock = { now: () => "2025-02-01T10:00:00.000+08:00", template: fazhiTemplate() };

  it("stamps the injected clock and leaves the input report alone", () => {
    const next = applyEdit(report, { type: "changeField", fieldId: "closed", input: "95.5%" }, clock);
    expect(next.updatedAt).toBe(clock.now());
    expect(next.fields["closed"]?.value).toBe("95.5");
    expect(report.fields["closed"]?.value).toBe("93.26");
  });

  it("applies a check's field fix as a typed value: unconfirmed until the clerk confirms", () => {
    const next = applyEdit(
      report,
      { type: "applyFix", fix: { type: "setFieldValue", fieldId: "closed", value: "94", label: "改为 94%" } },
      clock,
    );
    expect(next.fields["closed"]).toMatchObject({ value: "94", status: "unconfirmed" });
  });

  it("names the fields there are when the id is wrong", () => {
    expect(thrownBy(() => applyEdit(report, { type: "changeField", fieldId: "nosuch", input: "1" }, clock)).zh).toContain(
      "现有字段：accepted、closed",
    );
  });

  it("refuses content edits on an approved report but records sign-off steps", () => {
    let approved = report;
    for (const [action, role, person] of [
      ["submit", "拟稿人", "王小明"],
      ["review", "审核人", "李科长"],
      ["approve", "签发人", "张镇长"],
    ] as const) {
      approved = applyEdit(approved, { type: "workflow", request: { action, role, person } }, clock);
    }
    expect(approved.workflow.state).toBe("approved");
    expect(thrownBy(() => applyEdit(approved, { type: "updateMeta", patch: { title: "新标题" } }, clock)).code).toBe("report_locked");
    expect(thrownBy(() => applyEdit(approved, { type: "changeField", fieldId: "closed", confirm: false }, clock)).code).toBe(
      "report_locked",
    );
  });
});
