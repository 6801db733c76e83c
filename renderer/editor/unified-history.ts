import { redoDepth, undoDepth } from "@tiptap/pm/history";
import type { Editor } from "@tiptap/core";
import type { Field } from "../../core/model/field";
import { NianbaoError } from "../../core/api/errors";
import { assertEditable } from "../../core/workflow/assert-editable";
import { changeField, type FieldChange } from "../../core/edits/change-field";
import type { ReportStore } from "../state/report-store";
import { useUiStore } from "../state/ui-store";

type Entry = { kind: "text" } | { kind: "field"; before: Field | null; after: Field };

/**
 * One undo stack over text and field edits. Field values live in the store, not in the document
 * (architecture.md §6.1), so ProseMirror's history alone would skip them; this keeps the order of
 * both and lets ProseMirror undo its own groups.
 */
export class UnifiedHistory {
  private past: Entry[] = [];
  private future: Entry[] = [];
  private lastUndoDepth = 0;
  /** True while this class itself runs an undo/redo, whose transactions are not new entries. */
  private applying = false;

  constructor(
    private readonly editor: Editor,
    private readonly store: ReportStore,
  ) {
    this.lastUndoDepth = undoDepth(editor.state);
  }

  /** Called after every editor transaction: a new ProseMirror history group is a text entry. */
  noteEditorChange(): void {
    if (this.applying) return;
    const depth = undoDepth(this.editor.state);
    if (depth > this.lastUndoDepth) {
      this.past.push({ kind: "text" });
      if (redoDepth(this.editor.state) === 0) this.future = [];
    }
    this.lastUndoDepth = depth;
  }

  /**
   * A clerk's change to a field (popup, fields table, a check's fix) through core's one
   * implementation; refusals are shown, not thrown. False when nothing was applied.
   */
  changeField(change: FieldChange): boolean {
    const before = this.store.getState().fields[change.fieldId];
    if (before === undefined) return false;
    let after: Field;
    try {
      after = changeField(before, change);
    } catch (error) {
      if (error instanceof NianbaoError) useUiStore.getState().notify("error", error.zh);
      else throw error;
      return false;
    }
    if (JSON.stringify(after) !== JSON.stringify(before)) this.editField(after);
    return true;
  }

  /** Applies a field edit and records it. */
  editField(after: Field): void {
    try {
      assertEditable(this.store.getState().report);
    } catch (error) {
      // An approved report is frozen: say why instead of silently dropping the edit.
      if (error instanceof NianbaoError) useUiStore.getState().notify("error", error.zh);
      return;
    }
    const before = this.store.getState().fields[after.id] ?? null;
    if (before === null) this.store.getState().addField(after);
    else this.store.getState().restoreField(after);
    this.past.push({ kind: "field", before, after });
    this.future = [];
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }

  canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): void {
    const entry = this.past.pop();
    if (entry === undefined) return;
    this.applying = true;
    if (entry.kind === "text") this.editor.commands.undo();
    else if (entry.before === null) this.store.getState().removeField(entry.after.id);
    else this.store.getState().restoreField(entry.before);
    this.applying = false;
    this.lastUndoDepth = undoDepth(this.editor.state);
    this.future.push(entry);
  }

  redo(): void {
    const entry = this.future.pop();
    if (entry === undefined) return;
    this.applying = true;
    if (entry.kind === "text") this.editor.commands.redo();
    else this.store.getState().restoreField(entry.after);
    this.applying = false;
    this.lastUndoDepth = undoDepth(this.editor.state);
    this.past.push(entry);
  }
}
