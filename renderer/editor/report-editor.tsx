import { isChangeOrigin } from "@tiptap/extension-collaboration";
import type { Editor, JSONContent } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef } from "react";
import type { DocNode } from "../../core/model/doc";
import { isEditable } from "../../core/workflow/assert-editable";
import { lastYearWording } from "../../core/compare/carried-wording";
import { lockedMessage } from "../state/locked-message";
import type { ReportStore } from "../state/report-store";
import { useSessionStore } from "../state/session-store";
import { useUiStore } from "../state/ui-store";
import { sectionExtensions, storeFieldResolver } from "./extension-sets";
import { cachedDocJson } from "./doc-json";
import { UnifiedHistory } from "./unified-history";
import { TIDY_CARRIED, tidyCarried } from "./review-marks";
import type { TeamConnection } from "../team/team-connection";

const BODY_SYNC_DELAY_MS = 400;
const FROZEN_GUARD = new PluginKey("frozenReport");

/** Last year's wording, built once per snapshot (it changes only when another report opens). */
function cachedLastYearWording(store: ReportStore): () => ReadonlySet<string> {
  let source: unknown = undefined;
  let cached: ReadonlySet<string> = new Set();
  return () => {
    const lastYear = store.getState().report.lastYear;
    if (lastYear !== source) {
      source = lastYear;
      cached = lastYearWording(lastYear?.body);
    }
    return cached;
  };
}

/**
 * TipTap's EditorContent calls createNodeViews() once it has mounted, with node view functions
 * that are new objects though the view already has the same ones from its creation; ProseMirror
 * then throws away and redraws the whole document, every chip included. Ours are plain node views
 * (no React portals to connect), so that second pass is skipped while the view has node views;
 * after EditorContent has cleared them (unmount) they are set again as TipTap does.
 */
function keepNodeViews(editor: Editor): void {
  const create = editor.createNodeViews.bind(editor);
  editor.createNodeViews = () => {
    if (editor.isDestroyed || Object.keys(editor.view.props.nodeViews ?? {}).length > 0) return;
    create();
  };
}

/**
 * The writing column. TipTap owns the live document (it is not a controlled component, TipTap
 * #2403); the store gets a debounced copy, never while an IME composition is open.
 */
export function ReportEditor({ store, team = null }: { store: ReportStore; team?: TeamConnection | null }) {
  const historyRef = useRef<UnifiedHistory | null>(null);
  const docJson = useMemo(() => cachedDocJson(), []);
  const syncTimer = useRef<number | null>(null);
  const extensions = useMemo(() => {
    const { template } = store.getState();
    return sectionExtensions({
      store,
      isKnownField: (id) => store.getState().fields[id] !== undefined,
      resolveField: storeFieldResolver(store),
      openField: (fieldId, anchor) => useUiStore.getState().openPopover(fieldId, anchor),
      requiredPartIds: template.parts.filter((p) => p.required).map((p) => p.id),
      lastYearWording: cachedLastYearWording(store),
      onPartRemovalBlocked: () => useUiStore.getState().notify("info", "法定部分不能删除。如需改写，请修改其中的文字。"),
      undo: () => {
        historyRef.current?.undo();
        return true;
      },
      redo: () => {
        historyRef.current?.redo();
        return true;
      },
      team:
        team === null
          ? null
          : {
              doc: team.doc,
              awareness: team.provider.awareness,
              undoManager: team.undoManager,
              changedSinceLastOpen: team.changedSinceLastOpen,
            },
    });
  }, [store, team]);

  // Only the first render's content is used. ProseMirror reads it without changing it, so the
  // validated body goes in as it is, not deep-copied (JSONContent's type is only looser).
  // Team mode: the shared document fills the editor (TipTap's collaboration extension).
  const content = useMemo(() => (team === null ? (store.getState().body as JSONContent) : null), [store, team]);
  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: true,
    // Per keystroke work nobody reads: TipTap's "delete" events (it diffs every transaction's
    // steps to find deleted nodes) and the input and paste rules (Markdown shortcuts such as
    // **粗体**; styles go through the paragraph-style commands, pastes through PasteHygiene).
    enableCoreExtensions: { delete: false },
    enableInputRules: false,
    enablePasteRules: false,
    // Before EditorContent mounts: its createNodeViews() would redraw the whole document.
    onMount: ({ editor: ed }) => keepNodeViews(ed),
    editorProps: { attributes: { class: "report-body", "aria-label": "报告正文", spellcheck: "false", lang: "zh-CN" } },
    onTransaction: ({ editor: ed, transaction }) => {
      historyRef.current?.noteEditorChange();
      if (!transaction.docChanged) return;
      if (transaction.getMeta(TIDY_CARRIED) !== true) store.getState().markDocumentChanged();
      scheduleSync(ed);
    },
  });

  function scheduleSync(ed: Editor) {
    if (syncTimer.current !== null) window.clearTimeout(syncTimer.current);
    syncTimer.current = window.setTimeout(() => {
      if (ed.isDestroyed) return;
      if (ed.view.composing) return scheduleSync(ed);
      store.getState().setBody(docJson(ed.state.doc) as DocNode);
    }, BODY_SYNC_DELAY_MS);
  }

  useEffect(() => {
    if (editor === null) return;
    const history = new UnifiedHistory(editor, store, team?.undoManager ?? null);
    historyRef.current = history;
    store.getState().setLiveBodyReader(() => docJson(editor.state.doc) as DocNode);
    useSessionStore.getState().attachEditor(editor, history);
    // An approved or published report is frozen until a revision is created (core/workflow).
    const followWorkflow = () => {
      const editable = isEditable(store.getState().report);
      if (editor.isEditable !== editable) editor.setEditable(editable);
    };
    followWorkflow();
    // A report just opened (or imported) takes the keyboard at its start, as Word does.
    if (document.activeElement === null || document.activeElement === document.body) editor.commands.focus("start");
    const { report } = store.getState();
    // Never on a frozen report: its content is what was approved. Nor in team mode, where every
    // member opening the report would send the same tidying to everyone.
    if (report.lastYear !== null && isEditable(report) && team === null) {
      const tidy = tidyCarried(editor.state, lastYearWording(report.lastYear.body));
      if (tidy !== null) editor.view.dispatch(tidy);
    }
    // Commands (toolbar, menus, undo) change the document even when the view is read-only; a frozen
    // report refuses every change to its text, whatever asks for it.
    editor.registerPlugin(
      new Plugin({
        key: FROZEN_GUARD,
        filterTransaction: (tr) => {
          if (!tr.docChanged || isEditable(store.getState().report) || isChangeOrigin(tr)) return true;
          useUiStore.getState().notify("error", lockedMessage(store.getState().report) ?? "");
          return false;
        },
      }),
    );
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.report.workflow !== previous.report.workflow) followWorkflow();
    });
    return () => {
      unsubscribe();
      if (!editor.isDestroyed) editor.unregisterPlugin(FROZEN_GUARD);
      if (syncTimer.current !== null) window.clearTimeout(syncTimer.current);
      store.getState().setLiveBodyReader(null);
      useSessionStore.getState().attachEditor(null, null);
    };
  }, [editor, store, docJson, team]);

  return <EditorContent editor={editor} className="report-editor" />;
}
