import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DocNode } from "../../core/model/doc";
import { ReportEditor } from "../../renderer/editor/report-editor";
import { useSessionStore } from "../../renderer/state/session-store";
import { useUiStore } from "../../renderer/state/ui-store";
import { docWithParagraph, field, openedReport, storeFor } from "./support/report-editor";

afterEach(cleanup);

function renderReport() {
  const opened = openedReport([field({ id: "cases", label: "行政复议案件", value: "120", status: "unconfirmed" })]);
  const body = docWithParagraph([
    { type: "text", text: "收到" },
    { type: "reportField", attrs: { fieldId: "cases" } },
    { type: "text", text: "，其中办结" },
    { type: "reportField", attrs: { fieldId: "cases" } },
  ]);
  const store = storeFor({ ...opened, report: { ...opened.report, body: DocNode.parse(body) } });
  render(<ReportEditor store={store} />);
  return store;
}

describe("field chips", () => {
  it("render every occurrence as a labelled chip and update all of them on a field edit", async () => {
    const store = renderReport();
    const chips = await screen.findAllByLabelText(/字段 行政复议案件/);
    expect(chips).toHaveLength(2);
    expect(chips.map((c) => c.textContent)).toEqual(["120件", "120件"]);
    expect(chips[0]?.className).toContain("field-chip--unconfirmed");
    expect(chips[0]?.tagName).toBe("SPAN");
    expect(chips[0]?.querySelector("input")).toBeNull();

    act(() => store.getState().updateField("cases", { value: "135", status: "confirmed" }));
    const updated = screen.getAllByLabelText(/字段 行政复议案件/);
    expect(updated.map((c) => c.textContent)).toEqual(["135件", "135件"]);
    expect(updated[0]?.className).toContain("field-chip--confirmed");
  });

  it("opens the popover for the clicked field and registers the live editor for commands", async () => {
    renderReport();
    const [chip] = await screen.findAllByLabelText(/字段 行政复议案件/);
    if (chip === undefined) throw new Error("no chip");
    fireEvent.click(chip);
    expect(useUiStore.getState().popover?.fieldId).toBe("cases");
    expect(useSessionStore.getState().editor).not.toBeNull();
    expect(useSessionStore.getState().history).not.toBeNull();
  });
});
