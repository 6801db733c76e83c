import { redoDepth, undoDepth } from "@tiptap/pm/history";
import type { Editor } from "@tiptap/core";
import type * as Y from "yjs";
import type { Field } from "../../core/model/field";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { lockedMessage } from "../state/locked-message";
import { changeField, type FieldChange } from "../../core/edits/change-field";
import type { ReportStore } from "../state/report-store";
import { useUiStore } from "../state/ui-store";

/** A field entry with `after` null removed the field; a group is one clerk action (a chip and its record). */
type Entry = { kind: "text" } | { kind: "field"; before: Field | null; after: Field | null } | { kind: "group"; entries: Entry[] };

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

  /**
   * `shared`: team mode, where text and fields are one Yjs document and its undo manager takes
   * back this member's own changes (text and fields alike), never another member's.
   */
  constructor(
    private readonly editor: Editor,
    private readonly store: ReportStore,
    private readonly shared: Y.UndoManager | null = null,
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

  /** Several fields changed at once (来源部门 for the selected rows): one undo takes them all back. */
  changeFields(changes: readonly FieldChange[]): void {
    const depth = this.past.length;
    for (const change of changes) this.changeField(change);
    this.groupLast(this.past.length - depth);
  }

  /** Applies a field edit and records it; false when the report is frozen (the clerk is told). */
  editField(after: Field): boolean {
    if (!this.editable()) return false;
    const before = this.store.getState().fields[after.id] ?? null;
    if (before === null) this.store.getState().addField(after);
    else this.store.getState().restoreField(after);
    this.past.push({ kind: "field", before, after });
    this.future = [];
    return true;
  }

  /** Deletes a field's record (one no chip shows any more); undo brings it back. */
  removeField(fieldId: string): boolean {
    const before = this.store.getState().fields[fieldId];
    if (before === undefined || !this.editable()) return false;
    this.store.getState().removeField(fieldId);
    this.past.push({ kind: "field", before, after: null });
    this.future = [];
    return true;
  }

  /**
   * Makes the last `count` entries one: a new field's record and the chip that shows it are
   * undone and redone together.
   */
  groupLast(count: number): void {
    if (count < 2 || this.past.length < count) return;
    const entries = this.past.splice(this.past.length - count, count);
    this.past.push({ kind: "group", entries });
  }

  /**
   * Takes back the last entry as if it never happened (Esc on a new, empty field): undone, and not
   * offered for redo. False when the last entry is not the one that created `fieldId`.
   */
  discardLastNewField(fieldId: string): boolean {
    const last = this.past.at(-1);
    if (last === undefined || !createsField(last, fieldId)) return false;
    this.undo();
    this.future.pop();
    this.shared?.redoStack.pop();
    return true;
  }

  private editable(): boolean {
    // An approved report is frozen: say why instead of silently dropping the edit.
    const locked = lockedMessage(this.store.getState().report);
    if (locked !== null) useUiStore.getState().notify("error", locked);
    return locked === null;
  }

  canUndo(): boolean {
    return this.shared?.canUndo() ?? this.past.length > 0;
  }

  canRedo(): boolean {
    return this.shared?.canRedo() ?? this.future.length > 0;
  }

  undo(): void {
    if (this.shared !== null) {
      this.past.pop();
      this.shared.undo();
      return;
    }
    const entry = this.past.pop();
    if (entry === undefined) return;
    this.applying = true;
    this.undoEntry(entry);
    this.applying = false;
    this.lastUndoDepth = undoDepth(this.editor.state);
    this.future.push(entry);
  }

  redo(): void {
    if (this.shared !== null) {
      this.shared.redo();
      return;
    }
    const entry = this.future.pop();
    if (entry === undefined) return;
    this.applying = true;
    this.redoEntry(entry);
    this.applying = false;
    this.lastUndoDepth = undoDepth(this.editor.state);
    this.past.push(entry);
  }

  private undoEntry(entry: Entry): void {
    if (entry.kind === "text") this.editor.commands.undo();
    else if (entry.kind === "group") [...entry.entries].reverse().forEach((e) => this.undoEntry(e));
    else this.setField(entry.after?.id ?? entry.before?.id, entry.before);
  }

  private redoEntry(entry: Entry): void {
    if (entry.kind === "text") this.editor.commands.redo();
    else if (entry.kind === "group") entry.entries.forEach((e) => this.redoEntry(e));
    else this.setField(entry.before?.id ?? entry.after?.id, entry.after);
  }

  private setField(fieldId: string | undefined, field: Field | null): void {
    if (field !== null) this.store.getState().restoreField(field);
    else if (fieldId !== undefined) this.store.getState().removeField(fieldId);
  }
}

function createsField(entry: Entry, fieldId: string): boolean {
  if (entry.kind === "field") return entry.before === null && entry.after?.id === fieldId;
  return entry.kind === "group" && entry.entries.some((e) => createsField(e, fieldId));
}
