import type { Editor } from "@tiptap/core";
import { closeHistory } from "@tiptap/pm/history";
import { Field } from "../../core/model/field";
import { parseSelectedNumber } from "../editor/number-to-field";
import type { UnifiedHistory } from "../editor/unified-history";
import { useUiStore } from "../state/ui-store";

export function newFieldId(): string {
  return `f-${crypto.randomUUID()}`;
}

/** Inserts a new, empty, unconfirmed field at the caret and opens its popover. */
export function insertNewField(editor: Editor, history: UnifiedHistory): void {
  if (!editor.isEditable) return refuseFrozen();
  const field = Field.parse({ id: newFieldId(), label: "", kind: "count", value: null, unit: null, status: "unconfirmed" });
  if (!history.editField(field)) return;
  const at = editor.state.selection.from;
  placeChip(editor, history, () => editor.chain().focus().command(closedHistory).insertReportField(field.id).run());
  openPopoverAt(editor, at, field.id, true);
}

/** 转为字段: the selected number becomes a field with that value, shown where the text was. */
export function convertSelectionToField(editor: Editor, history: UnifiedHistory): boolean {
  if (!editor.isEditable) {
    refuseFrozen();
    return false;
  }
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
  if (!history.editField(field)) return false;
  placeChip(editor, history, () =>
    editor
      .chain()
      .focus()
      .command(closedHistory)
      .insertContentAt({ from, to }, { type: "reportField", attrs: { fieldId: field.id, show: "value" } })
      .run(),
  );
  openPopoverAt(editor, from, field.id, false);
  return true;
}

/** The chip's own undo step, never merged into the typing before it. */
function closedHistory({ tr }: { tr: Parameters<typeof closeHistory>[0] }): boolean {
  closeHistory(tr);
  return true;
}

/** Inserts the chip of the field just recorded; the record and the chip are undone as one. */
function placeChip(editor: Editor, history: UnifiedHistory, insert: () => boolean): void {
  if (insert()) history.groupLast(2);
}

function refuseFrozen(): void {
  useUiStore.getState().notify("error", "报告已签发，内容已冻结，不能插入字段。如需修改，请先在“签发”面板点“修订”。");
}

function openPopoverAt(editor: Editor, pos: number, fieldId: string, isNew: boolean): void {
  const dom = editor.view.nodeDOM(pos);
  const rect = dom instanceof HTMLElement ? dom.getBoundingClientRect() : editor.view.coordsAtPos(pos);
  useUiStore.getState().openPopover(fieldId, { left: rect.left, top: rect.top, bottom: rect.bottom, pos }, { isNew });
}
