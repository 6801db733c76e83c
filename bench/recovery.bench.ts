// @vitest-environment happy-dom
/*
 * What one autosave costs on a 100-page report (written at most once a second while the clerk
 * types, renderer/app/recovery-scheduler.ts): the editor's JSON, the schema check, the
 * serialisation boundary and the host's atomic write, through the real service.
 */
import { Editor, type JSONContent } from "@tiptap/core";
import { bench, describe } from "vitest";
import type { DocNode } from "../core/model/doc";
import { sectionExtensions, storeFieldResolver } from "../renderer/editor/extension-sets";
import { createReportStore } from "../renderer/state/report-store";
import { createTestHost } from "../test/support/report-host";
import { fazhiTemplate } from "../test/support/template";
import { hundredPageReport } from "./support/hundred-page-report";

const template = fazhiTemplate();
const report = hundredPageReport(template);
const host = await createTestHost();
const store = createReportStore({ api: host.api, opened: { report, path: null, migratedFrom: null }, template });
const editor = new Editor({
  element: document.createElement("div"),
  extensions: sectionExtensions({
    store: null,
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
// As the editor wires it (renderer/editor/report-editor.tsx); the store validates the snapshot.
store.getState().setLiveBodyReader(() => editor.getJSON() as DocNode);

describe("autosave on a 100-page report", () => {
  let at = 10;
  bench("one keystroke, then the recovery copy written by the host", async () => {
    editor.view.dispatch(editor.state.tr.insertText("法", at));
    at += 1;
    store.getState().markDocumentChanged();
    await store.getState().writeRecovery();
  }, { iterations: 20 });
});
