import type { Editor } from "@tiptap/core";
import { Field } from "../../core/model/field";
import { parseSelectedNumber } from "../editor/number-to-field";
import type { UnifiedHistory } from "../editor/unified-history";
import { useUiStore } from "../state/ui-store";

export function newFieldId(): string {
  return `f-${crypto.randomUUID()}`;
}

/** Inserts a new, empty, unconfirmed field at the caret and opens its popover. */
export function insertNewField(editor: Editor, history: UnifiedHistory): void {
  const field = Field.parse({ id: newFieldId(), label: "", kind: "count", value: null, unit: null, status: "unconfirmed" });
  history.editField(field);
  const at = editor.state.selection.from;
  editor.chain().focus().insertReportField(field.id).run();
  openPopoverAt(editor, at, field.id);
}

/** 转为字段: the selected number becomes a field with that value, shown where the text was. */
export function convertSelectionToField(editor: Editor, history: UnifiedHistory): boolean {
  const { from, to, empty } = editor.state.selection;
  if (empty) {
    useUiStore.getState().notify("info", "请先在正文中选中一个数字，例如“36万件”。");
    return false;
  }
  const text = editor.state.doc.textBetween(from, to, "");
  const parsed = parseSelectedNumber(text);
  if (parsed === null) {
    useUiStore.getState().notify("error", `“${text.slice(0, 20)}”不是可识别的数字，未转换。`);
    return false;
  }
  const field = Field.parse({ id: newFieldId(), label: "", status: "unconfirmed", ...parsed });
  history.editField(field);
  editor.chain().focus().insertContentAt({ from, to }, { type: "reportField", attrs: { fieldId: field.id, show: "value" } }).run();
  openPopoverAt(editor, from, field.id);
  return true;
}

function openPopoverAt(editor: Editor, pos: number, fieldId: string): void {
  const dom = editor.view.nodeDOM(pos);
  const rect = dom instanceof HTMLElement ? dom.getBoundingClientRect() : editor.view.coordsAtPos(pos);
  useUiStore.getState().openPopover(fieldId, { left: rect.left, top: rect.top, bottom: rect.bottom });
}
