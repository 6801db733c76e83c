// @vitest-environment happy-dom
/*
 * Editor costs on a generated 100-page report (≈60,000 characters, 200 field chips), measured in
 * happy-dom: they bound the editor's own work (schema, plugins, React node views), not the
 * browser's layout and paint, which needs the real-browser benchmark still to be written.
 */
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { bench, describe } from "vitest";
import { ReportEditor } from "../renderer/editor/report-editor";
import { createReportStore, type ReportStore } from "../renderer/state/report-store";
import { headlessEditor } from "./support/headless-editor";
import { hundredPageReport } from "./support/hundred-page-report";
import { fazhiTemplate } from "../test/support/template";

const template = fazhiTemplate();
const report = hundredPageReport(template);
const body = report.body;

function newStore(): ReportStore {
  return createReportStore({
    api: { saveReport: () => Promise.reject(new Error("bench")), writeRecovery: () => Promise.reject(new Error("bench")) },
    opened: { report, path: null, migratedFrom: null },
    template,
  });
}

describe("editor on a 100-page report", () => {
  bench(
    "open: build the editor with all parts and 200 field atoms",
    () => {
      headlessEditor(newStore(), template, body).destroy();
    },
    { iterations: 5 },
  );

  const typing = headlessEditor(newStore(), template, body);
  let at = 10;
  bench(
    "keystroke: one character inserted and applied",
    () => {
      typing.view.dispatch(typing.state.tr.insertText("法", at));
      at += 1;
    },
    { iterations: 200 },
  );

  const store = newStore();
  const host = document.createElement("div");
  document.body.append(host);
  flushSync(() => createRoot(host).render(createElement(ReportEditor, { store })));
  let value = 200;
  bench(
    "field edit: every chip of one field re-rendered (10 occurrences)",
    () => {
      flushSync(() => store.getState().updateField("f3", { value: String(value++) }));
    },
    { iterations: 50 },
  );
});
