import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { finishedReport } from "../support/finished-report";
import { afterEach, describe, expect, it } from "vitest";
import type { Field } from "../../core/model/field";
import { UnifiedHistory } from "../../renderer/editor/unified-history";
import { ChecksPanel } from "../../renderer/features/checks-panel/checks-panel";
import { FieldPopover } from "../../renderer/features/field-popover/field-popover";
import { FieldsPanel } from "../../renderer/features/fields-panel/fields-panel";
import { lockedMessage, SignoffPanel } from "../../renderer/features/signoff-panel/signoff-panel";
import { useSessionStore } from "../../renderer/state/session-store";
import { useUiStore } from "../../renderer/state/ui-store";
import { thrownBy } from "../support/error-code";
import { docWithParagraph, field, makeEditor } from "./support/report-editor";

afterEach(() => {
  cleanup();
  useUiStore.getState().closePopover();
  useUiStore.getState().clearNotice();
  useSessionStore.getState().attachEditor(null, null);
});

function setup() {
  const cases = field({ id: "cases", label: "行政复议案件", value: "135", lastYear: { value: "120", unit: "件" } });
  const t = makeEditor(
    docWithParagraph([
      { type: "text", text: "办理行政复议案件" },
      { type: "reportField", attrs: { fieldId: "cases" } },
      { type: "text", text: "，" },
      { type: "reportField", attrs: { fieldId: "cases", show: "yoy" } },
    ]),
    [cases],
  );
  const history = new UnifiedHistory(t.editor, t.store);
  useSessionStore.getState().attachEditor(t.editor, history);
  return { ...t, history };
}

function casesOf(t: ReturnType<typeof setup>): Field {
  const found = t.store.getState().fields["cases"];
  if (found === undefined) throw new Error("the test field is gone");
  return found;
}

function zhError(action: () => void): string {
  return thrownBy(action).zh;
}

describe("YoY in the editor", () => {
  it("words a YoY atom from core/fields and follows the value", () => {
    const t = setup();
    expect(t.editor.getText()).toContain("办理行政复议案件135件，同比增长12.5%");
    act(() => t.history.editField({ ...casesOf(t), value: "108" }));
    expect(t.editor.getText()).toContain("108件，同比下降10%");
    t.editor.destroy();
  });

  it("shows the YoY wording live in the popover while the value is typed", () => {
    const t = setup();
    render(<FieldPopover store={t.store} />);
    act(() => useUiStore.getState().openPopover("cases", { left: 10, top: 10, bottom: 30 }));
    const yoy = screen.getByLabelText("同比");
    expect(yoy.textContent).toBe("同比增长12.5%");
    fireEvent.change(screen.getByLabelText("数值"), { target: { value: "120" } });
    expect(yoy.textContent).toBe("与上年持平");
    // Nothing is applied until the clerk says so.
    expect(t.store.getState().fields["cases"]?.value).toBe("135");
    t.editor.destroy();
  });

  it("reads a number typed the way reports write it into value, qualifier and scale", () => {
    const t = setup();
    render(<FieldPopover store={t.store} />);
    act(() => useUiStore.getState().openPopover("cases", { left: 10, top: 10, bottom: 30 }));
    const dialog = screen.getByRole("dialog", { name: "编辑字段" });
    const value = screen.getByLabelText("数值");
    fireEvent.change(value, { target: { value: "超150件" } });
    expect(value.getAttribute("aria-invalid")).toBe("false");
    expect(dialog.textContent).toContain("正文显示超150件");
    expect(screen.getByLabelText("同比").textContent).toBe("同比增长约25%");
    fireEvent.blur(value);
    expect((screen.getByLabelText("数值") as HTMLInputElement).value).toBe("150");
    expect((screen.getByLabelText("修饰词") as HTMLSelectElement).value).toBe("超");
    fireEvent.change(screen.getByLabelText("数值"), { target: { value: "150%" } });
    expect(screen.getByLabelText("数值").getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(screen.getByLabelText("数值"), { target: { value: "超150" } });
    fireEvent.click(screen.getByRole("button", { name: "确认数值" }));
    expect(casesOf(t)).toMatchObject({ value: "150", qualifier: "超", exact: false, status: "confirmed" });
    t.editor.destroy();
  });
});

describe("the 字段 panel", () => {
  it("reads a value typed the way reports write it, leaves it unconfirmed, and shows its YoY", () => {
    const t = setup();
    render(<FieldsPanel store={t.store} />);
    const input = screen.getByLabelText("行政复议案件 本年数值");
    fireEvent.change(input, { target: { value: "abc" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(input, { target: { value: "超150件" } });
    fireEvent.keyDown(input, { key: "Enter" });
    expect(casesOf(t)).toMatchObject({ value: "150", qualifier: "超", status: "unconfirmed" });
    const row = screen.getByLabelText("行政复议案件 本年数值").closest("tr");
    expect(row?.textContent).toContain("超150件");
    // A typed 超 is all the clerk knows, so the comparison is worded as approximate.
    expect(row?.textContent).toContain("同比增长约25%");
    t.editor.destroy();
  });
});

describe("the 检查 panel", () => {
  it("lists an unconfirmed field among the errors and drops it once the field is confirmed", async () => {
    const t = setup();
    render(<ChecksPanel store={t.store} />);
    const panel = screen.getByRole("region", { name: "检查" });
    // The checks run a moment after the report opens and after each change, off the main thread.
    const errors = await within(panel).findByRole("list", { name: "错误" });
    expect(
      within(errors)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toContainEqual(expect.stringContaining("“行政复议案件”（135件）尚未确认"));
    act(() => t.history.editField({ ...casesOf(t), status: "confirmed" }));
    await waitFor(() => expect(panel.textContent).not.toContain("“行政复议案件”（135件）尚未确认"));
    t.editor.destroy();
  });
});

describe("sign-off in the editor", () => {
  it("refuses 签发 while checks report errors, freezes the report once approved, says why, and unfreezes it with a revision", async () => {
    const t = setup();
    render(<SignoffPanel store={t.store} />);
    const panel = screen.getByRole("region", { name: "签发" });
    expect(panel.textContent).toContain("当前状态：起草");
    act(() => t.store.getState().applyWorkflow({ action: "submit", person: "张三", role: "拟稿人" }));
    act(() => t.store.getState().applyWorkflow({ action: "review", person: "王五", role: "审核人" }));
    // 签发 is refused while 检查 reports errors, and the refusal names them.
    const blocked = zhError(() => t.store.getState().applyWorkflow({ action: "approve", person: "李四", role: "签发人" }));
    expect(blocked).toContain("须先处理才能签发");
    expect(blocked).toContain("[FIELD-UNCONFIRMED]");
    expect(t.store.getState().report.workflow.state).toBe("review");
    // The finished report: the published text with every number confirmed.
    const finished = await finishedReport();
    act(() =>
      t.store.getState().replaceReport({
        ...t.store.getState().report,
        meta: finished.meta,
        body: finished.body,
        fields: { ...finished.fields, cases: { ...casesOf(t), status: "confirmed" } },
      }),
    );
    act(() => t.store.getState().applyWorkflow({ action: "approve", person: "李四", role: "签发人", comment: "同意" }));
    expect(panel.textContent).toContain("当前状态：已签发");
    expect(panel.textContent).toContain("李四（签发人） · 签发 → 已签发");
    expect(panel.textContent).toContain("意见：同意");
    const locked = lockedMessage(t.store.getState().report);
    expect(locked).toContain("内容已冻结");
    expect(within(panel).getByRole("form", { name: "数字签名" })).toBeTruthy();

    act(() => t.history.editField({ ...casesOf(t), value: "999" }));
    expect(t.store.getState().fields["cases"]?.value).toBe("135");
    expect(useUiStore.getState().notice).toMatchObject({ kind: "error", text: locked });

    expect(zhError(() => t.store.getState().applyWorkflow({ action: "approve", person: "李四", role: "签发人" }))).toContain("不能签发");
    act(() => t.store.getState().applyWorkflow({ action: "revise", person: "张三", role: "拟稿人" }));
    expect(lockedMessage(t.store.getState().report)).toBeNull();
    act(() => t.history.editField({ ...casesOf(t), value: "999" }));
    expect(t.store.getState().fields["cases"]?.value).toBe("999");
    t.editor.destroy();
  });
});
