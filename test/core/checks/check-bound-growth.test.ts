import { describe, expect, it } from "vitest";
import { checkReport } from "../../../core/checks/check-report";
import { shownStatus } from "../../../core/fields/bound-growth";
import { atom, cleanReport, countField, text, withFields, withParagraph } from "./crafted-report";
import { fazhiTemplate } from "../../support/template";

function reportWith(baseValue: string | null, baseStatus: "confirmed" | "unconfirmed") {
  const report = withFields(cleanReport(), countField("accepted", baseValue, "360000", { status: baseStatus, label: "受理审批服务事项" }), {
    id: "growth",
    label: "受理审批服务事项同比增长",
    kind: "growth",
    value: null,
    unit: "%",
    decimals: 2,
    status: "unconfirmed",
    baseFieldId: "accepted",
  });
  return withParagraph(report, "measures", [text("全年受理"), atom("accepted"), text("，同比增长"), atom("growth"), text("。")]).report;
}

const about = (id: string, fieldId: string, r: ReturnType<typeof reportWith>) =>
  checkReport(r, fazhiTemplate(), { today: "2025-01-15" }).filter((f) => f.id === id && f.location.fieldId === fieldId);

describe("a growth field bound to its base field", () => {
  it("needs neither a value nor a confirmation of its own once the base is confirmed", () => {
    const r = reportWith("400000", "confirmed");
    expect(about("FIELD-EMPTY", "growth", r)).toEqual([]);
    expect(about("FIELD-UNCONFIRMED", "growth", r)).toEqual([]);
  });

  it("stays unconfirmed while its base is, and empty while it cannot be computed", () => {
    expect(about("FIELD-UNCONFIRMED", "growth", reportWith("400000", "unconfirmed"))).toHaveLength(1);
    expect(about("FIELD-EMPTY", "growth", reportWith("400000", "unconfirmed"))).toEqual([]);
    expect(about("FIELD-EMPTY", "growth", reportWith(null, "unconfirmed"))).toHaveLength(1);
  });
});

describe("shownStatus: what the chip, popup, table and status bar say", () => {
  const status = (r: ReturnType<typeof reportWith>) => {
    const growth = r.fields["growth"];
    if (growth === undefined) throw new Error("no growth field");
    return shownStatus(r.fields, growth);
  };
  it("follows the base field for a computed growth, as the checks do", () => {
    expect(status(reportWith("400000", "confirmed"))).toBe("confirmed");
    expect(status(reportWith("400000", "unconfirmed"))).toBe("unconfirmed");
    expect(status(reportWith(null, "unconfirmed"))).toBe("empty");
  });
});
