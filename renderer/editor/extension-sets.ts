import { Extension, Node, type Extensions } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { UndoRedo } from "@tiptap/extensions";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { BODY_FRAGMENT } from "../../core/collab/report-ydoc";
import type { ChangedBlock } from "../../core/collab/changed-since";
import { TeamChanges } from "./extensions/team-changes/team-changes";
import { reportExtensions } from "../../core/schema/report-extensions";
import type { ReportStore } from "../state/report-store";
import type { PopoverAnchor } from "../state/ui-store";
import { withSizeHint } from "./extensions/block-size-hint/block-size-hint";
import { DeleteNearAtom } from "./extensions/delete-near-atom/delete-near-atom";
import { FieldHygiene } from "./extensions/field-hygiene/field-hygiene";
import { PartGuard } from "./extensions/part-guard/part-guard";
import { CarriedText } from "./extensions/carried-text/carried-text";
import { LocateFlash } from "./extensions/locate-flash/locate-flash";
import { PasteHygiene } from "./extensions/paste-hygiene/paste-hygiene";
import { ReportFieldEditor, ReportFieldKeys } from "./extensions/report-field/report-field-editor";
import { StatutoryTableNode } from "./extensions/statutory-table/statutory-table";
import { TableKit } from "../../core/schema/report-nodes";
import { fieldText } from "./field-text";

export interface EditorExtensionOptions {
  store: ReportStore | null;
  isKnownField: (fieldId: string) => boolean;
  resolveField: (fieldId: string, show: "value" | "yoy") => string;
  openField: (fieldId: string, anchor: PopoverAnchor) => void;
  requiredPartIds: readonly string[];
  onPartRemovalBlocked: () => void;
  /** Last year's wording (core/compare/carried-wording), against which carried text is judged. */
  lastYearWording?: () => ReadonlySet<string>;
  /** Undo/redo across text and field edits; null leaves the keys to ProseMirror's history. */
  undo: (() => boolean) | null;
  redo: (() => boolean) | null;
  /** Team mode: the body is the shared document's, undo is Yjs's (own changes only), others' carets show. */
  team?: { doc: Y.Doc; awareness: Awareness | null; undoManager: Y.UndoManager; changedSinceLastOpen: readonly ChangedBlock[] } | null;
}

/**
 * The editor's extension list: the shared schema of core/schema (same order, so print HTML and
 * the editor agree), with the field node swapped for its editor variant, then behaviour. The
 * history keys come before UndoRedo so the unified history sees Mod-z first.
 */
export function sectionExtensions(options: EditorExtensionOptions): Extensions {
  const schema = reportExtensions(options.resolveField).flatMap((extension): Extensions =>
    extension.name === "reportField"
      ? [ReportFieldEditor.configure({ resolve: options.resolveField, store: options.store, openField: options.openField })]
      : (extension.name === "heading" || extension.name === "paragraph") && extension instanceof Node
        ? // Styles go through the numbering-aware commands (renderer/commands/paragraph-style-command.ts), not TipTap's toggles or "# " rules.
          [
            extension.extend({
              addKeyboardShortcuts: () => ({}),
              addInputRules: () => [],
              renderHTML(props) {
                return withSizeHint(this.parent?.(props) ?? ["p", 0], props.node);
              },
            }),
          ]
        : extension.name === "tableKit"
          ? // The kit's table node, with the statutory tables' grid; rows and cells as the kit makes them, in its order.
            [StatutoryTableNode.configure({ resizable: false, store: options.store }), TableKit.configure({ table: false })]
          : [extension],
  );
  return [
    ...schema,
    ReportFieldKeys.configure({ openField: options.openField }),
    UnifiedHistoryKeys.configure({ undo: options.undo, redo: options.redo }),
    ...(options.team == null
      ? [UndoRedo.configure({ depth: 200 })]
      : [
          Collaboration.configure({
            document: options.team.doc,
            field: BODY_FRAGMENT,
            yUndoOptions: { undoManager: options.team.undoManager },
          }),
          ...(options.team.awareness === null ? [] : [TeamCarets.configure({ awareness: options.team.awareness })]),
          TeamChanges.configure({ changed: options.team.changedSinceLastOpen }),
        ]),
    FieldHygiene.configure({ isKnownField: options.isKnownField }),
    DeleteNearAtom,
    PartGuard.configure({ requiredPartIds: options.requiredPartIds, onBlocked: options.onPartRemovalBlocked }),
    CarriedText.configure({ lastYearWording: options.lastYearWording ?? (() => new Set<string>()) }),
    LocateFlash,
    PasteHygiene,
  ];
}

/** Where the other members are: y-tiptap's caret plugin on the awareness the provider shares (name and colour per member). */
const TeamCarets = Extension.create<{ awareness: Awareness | null }>({
  name: "teamCarets",
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    return this.options.awareness === null ? [] : [yCursorPlugin(this.options.awareness)];
  },
});

const UnifiedHistoryKeys = Extension.create<{ undo: (() => boolean) | null; redo: (() => boolean) | null }>({
  name: "unifiedHistoryKeys",
  priority: 1000,
  addOptions() {
    return { undo: null, redo: null };
  },
  addKeyboardShortcuts() {
    const undo = () => this.options.undo?.() ?? false;
    const redo = () => this.options.redo?.() ?? false;
    return { "Mod-z": undo, "Mod-y": redo, "Shift-Mod-z": redo };
  },
});

/** A resolver for renderText/renderHTML that reads the store at call time. */
export function storeFieldResolver(store: ReportStore): (fieldId: string, show: "value" | "yoy") => string {
  return (fieldId, show) => {
    const state = store.getState();
    return fieldText(state, fieldId, show, state.report.meta.profile);
  };
}
