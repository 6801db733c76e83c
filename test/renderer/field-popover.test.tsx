import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { UnifiedHistory } from "../../renderer/editor/unified-history";
import { FieldPopover } from "../../renderer/features/field-popover/field-popover";
import { useSessionStore } from "../../renderer/state/session-store";
import { useUiStore } from "../../renderer/state/ui-store";
import { docWithParagraph, field, makeEditor } from "./support/report-editor";

afterEach(() => {
  cleanup();
  useUiStore.getState().closePopover();
  useSessionStore.getState().attachEditor(null, null);
});

function openPopoverFor(fieldId: string) {
  const cases = field({ id: "cases", label: "行政复议案件", value: "135", lastYear: { value: "120", unit: "件" } });
  const t = makeEditor(docWithParagraph([{ type: "reportField", attrs: { fieldId: "cases" } }]), [cases]);
  useSessionStore.getState().attachEditor(t.editor, new UnifiedHistory(t.editor, t.store));
  render(<FieldPopover store={t.store} />);
  act(() => useUiStore.getState().openPopover(fieldId, { left: 10, top: 10, bottom: 30 }));
  return t;
}

describe("the field popover", () => {
  it("shows last year's value and the text the chip will read", () => {
    openPopoverFor("cases");
    const dialog = screen.getByRole("dialog", { name: "编辑字段" });
    expect(dialog.textContent).toContain("上年120件");
    expect(dialog.textContent).toContain("正文显示135件");
    fireEvent.change(screen.getByLabelText("数值"), { target: { value: "360000" } });
    fireEvent.change(screen.getByLabelText("显示为"), { target: { value: "万" } });
    fireEvent.change(screen.getByLabelText("修饰词"), { target: { value: "超" } });
    expect(dialog.textContent).toContain("正文显示超36万件");
  });

  it("refuses a value that is not a plain decimal and keeps the field as it was", () => {
    const t = openPopoverFor("cases");
    fireEvent.change(screen.getByLabelText("数值"), { target: { value: "13万5" } });
    expect(screen.getByLabelText("数值").getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    expect(t.store.getState().fields["cases"]?.value).toBe("135");
    expect(screen.getByRole("dialog", { name: "编辑字段" })).toBeTruthy();
  });

  it("confirms a value into the store as one undoable step", () => {
    const t = openPopoverFor("cases");
    fireEvent.change(screen.getByLabelText("数值"), { target: { value: "142" } });
    fireEvent.click(screen.getByRole("button", { name: "确认数值" }));
    expect(t.store.getState().fields["cases"]).toMatchObject({ value: "142", status: "confirmed" });
    expect(screen.queryByRole("dialog", { name: "编辑字段" })).toBeNull();
    act(() => useSessionStore.getState().history?.undo());
    expect(t.store.getState().fields["cases"]).toMatchObject({ value: "135", status: "unconfirmed" });
  });
});
