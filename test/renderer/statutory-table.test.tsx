import { Editor, type JSONContent } from "@tiptap/core";
import { act, fireEvent } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import { sectionExtensions, storeFieldResolver } from "../../renderer/editor/extension-sets";
import { UnifiedHistory } from "../../renderer/editor/unified-history";
import { useSessionStore } from "../../renderer/state/session-store";
import { createReportStore, type ReportStore } from "../../renderer/state/report-store";
import { useUiStore } from "../../renderer/state/ui-store";
import { fixedDeps } from "../support/deps";
import { xxgkTemplate } from "../support/template";
import { makeEditor } from "./support/report-editor";

const editors: Editor[] = [];

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  useSessionStore.getState().attachEditor(null, null);
  useUiStore.getState().clearNotice();
  document.body.innerHTML = "";
});

/** A new 信息公开 report in the editor with the app's own extensions, store and history. */
async function xxgkEditor(): Promise<{ editor: Editor; store: ReportStore; element: HTMLElement; history: UnifiedHistory }> {
  const template = xxgkTemplate();
  const report = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
  const offline = () => Promise.reject(new Error("offline"));
  const store = createReportStore({
    api: { saveReport: offline, writeRecovery: offline },
    opened: { report, path: null, migratedFrom: null },
    template,
  });
  const element = document.createElement("div");
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: sectionExtensions({
      store,
      isKnownField: (id) => store.getState().fields[id] !== undefined,
      resolveField: storeFieldResolver(store),
      openField: () => undefined,
      requiredPartIds: template.parts.filter((p) => p.required).map((p) => p.id),
      onPartRemovalBlocked: () => undefined,
      undo: null,
      redo: null,
    }),
    content: JSON.parse(JSON.stringify(report.body)) as JSONContent,
  });
  editors.push(editor);
  const history = new UnifiedHistory(editor, store);
  useSessionStore.getState().attachEditor(editor, history);
  // The grids are React roots inside the node views: let them render.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return { editor, store, element, history };
}

const cellInput = (element: HTMLElement, fieldId: string): HTMLInputElement => {
  const input = element.querySelector<HTMLInputElement>(`input[data-field-id="${fieldId}"]`);
  if (input === null) throw new Error(`no cell ${fieldId}`);
  return input;
};

async function type(input: HTMLInputElement, value: string, key = "Enter"): Promise<void> {
  await act(async () => {
    input.focus();
    fireEvent.change(input, { target: { value } });
    fireEvent.keyDown(input, { key });
  });
}

describe("a statutory table in the editor", () => {
  it("is a grid of number cells where the body holds the table, its totals read-only", async () => {
    const { element, editor } = await xxgkEditor();
    expect(element.querySelectorAll(".statutory-table table")).toHaveLength(3);
    // The document still holds the table (what export prints); only its view is the grid.
    expect(editor.getJSON().content?.filter((n) => JSON.stringify(n).includes('"type":"table"'))).toHaveLength(3);
    expect(cellInput(element, "t3.new.total").readOnly).toBe(true);
    expect(cellInput(element, "t3.new.natural").readOnly).toBe(false);
    expect(cellInput(element, "t3.new.natural").getAttribute("aria-label")).toBe("一、本年新收政府信息公开申请数量 申请人情况 自然人");
  });

  it(
    "stores a typed value through the field rules and the one undo history, and refuses what they refuse",
    { timeout: 60_000 },
    async () => {
      const { element, store, history } = await xxgkEditor();
      await type(cellInput(element, "t3.new.natural"), "12");
      expect(store.getState().fields["t3.new.natural"]).toMatchObject({ value: "12", status: "unconfirmed" });
      expect(store.getState().fields["t3.new.total"]?.value).toBe("12");

      await type(cellInput(element, "t3.new.commercial"), "2.5");
      expect(store.getState().fields["t3.new.commercial"]?.value).toBeNull();
      expect(useUiStore.getState().notice).toMatchObject({ kind: "error", text: expect.stringContaining("须为整数") });
      expect(cellInput(element, "t3.new.commercial").getAttribute("aria-invalid")).toBe("true");

      // Ctrl+Enter confirms the cell's value, as in the field popover and the 字段 table.
      await type(cellInput(element, "t3.new.natural"), "12", "Enter");
      await act(async () => {
        fireEvent.keyDown(cellInput(element, "t3.new.natural"), { key: "Enter", ctrlKey: true });
      });
      expect(store.getState().fields["t3.new.natural"]?.status).toBe("confirmed");

      act(() => history.undo());
      act(() => history.undo());
      expect(store.getState().fields["t3.new.natural"]?.value).toBeNull();
      expect(store.getState().fields["t3.new.total"]?.value).toBeNull();
    },
  );

  it("takes back a typed value with Esc and selects the restored one before the next key, so a quick key is never swallowed", async () => {
    const { element, store } = await xxgkEditor();
    const cell = cellInput(element, "t3.new.natural");
    await type(cell, "5");
    expect(store.getState().fields["t3.new.natural"]?.value).toBe("5");

    await act(async () => {
      cell.focus();
      fireEvent.change(cell, { target: { value: "9" } });
    });
    const afterEsc: (number | null)[] = [];
    await act(async () => {
      fireEvent.keyDown(cell, { key: "Escape" });
      // Read before any frame or task runs: the next key replaces 5, as in a spreadsheet.
      afterEsc.push(Number(cell.value), cell.selectionStart, cell.selectionEnd);
      // The clerk's next key, in the same moment: it must stay where it was typed.
      fireEvent.change(cell, { target: { value: "1" } });
      cell.setSelectionRange(1, 1);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    });
    expect(afterEsc).toEqual([5, 0, 1]);
    expect(cell.value).toBe("1");
    expect([cell.selectionStart, cell.selectionEnd]).toEqual([1, 1]);
  });

  it("leaves a table that is not a template's (one imported from Word) a table the clerk types into", async () => {
    const { editor } = makeEditor(
      {
        type: "doc",
        content: [
          {
            type: "part",
            attrs: { partId: "measures" },
            content: [
              { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "二、主要举措和成效" }] },
              {
                type: "table",
                content: [
                  {
                    type: "tableRow",
                    content: [
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "案件" }] }] },
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "12" }] }] },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      [],
      { withChips: true },
    );
    expect(editor.view.dom.querySelector(".statutory-table")).toBeNull();
    expect(editor.view.dom.querySelectorAll("table td p")).toHaveLength(2);
  });
});
