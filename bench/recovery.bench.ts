// @vitest-environment happy-dom
/*
 * What one autosave costs on a 100-page report (written at most once a second while the clerk
 * types, renderer/app/recovery-scheduler.ts): the editor's JSON, the schema check, the
 * serialisation boundary and the host's atomic write, through the real service.
 */
import { bench, describe } from "vitest";
import type { DocNode } from "../core/model/doc";
import { createReportStore } from "../renderer/state/report-store";
import { createTestHost } from "../test/support/report-host";
import { fazhiTemplate } from "../test/support/template";
import { headlessEditor } from "./support/headless-editor";
import { hundredPageReport } from "./support/hundred-page-report";

const template = fazhiTemplate();
const report = hundredPageReport(template);
const host = await createTestHost();
const store = createReportStore({ api: host.api, opened: { report, path: null, migratedFrom: null }, template });
const editor = headlessEditor(store, template, report.body);
// As the editor wires it (renderer/editor/report-editor.tsx); the store validates the snapshot.
store.getState().setLiveBodyReader(() => editor.getJSON() as DocNode);

describe("autosave on a 100-page report", () => {
  let at = 10;
  bench(
    "one keystroke, then the recovery copy written by the host",
    async () => {
      editor.view.dispatch(editor.state.tr.insertText("法", at));
      at += 1;
      store.getState().markDocumentChanged();
      await store.getState().writeRecovery();
    },
    { iterations: 20 },
  );
});
