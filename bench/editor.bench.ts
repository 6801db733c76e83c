// @vitest-environment happy-dom
/*
 * Editor costs on a generated 100-page report (≈60,000 characters, 200 field chips), measured in
 * happy-dom: they bound the editor's own work (schema, plugins, React node views), not the
 * browser's layout and paint, which needs the real-browser benchmark still to be written.
 */
import { Editor, type JSONContent } from "@tiptap/core";
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { bench, describe } from "vitest";
import { Field } from "../core/model/field";
import { sectionExtensions, storeFieldResolver } from "../renderer/editor/extension-sets";
import { ReportEditor } from "../renderer/editor/report-editor";
import { createReportStore, type ReportStore } from "../renderer/state/report-store";
import { DocNode } from "../core/model/doc";
import { createReport } from "../core/model/create-report";
import { fixedDeps } from "../test/support/deps";
import { fazhiTemplate } from "../test/support/template";

const template = fazhiTemplate();
const SENTENCE = "坚持依法行政，深化行政执法体制改革，规范行政执法行为，全年共办理行政复议案件";

function hundredPageBody(fieldIds: string[]): DocNode {
  let n = 0;
  const paragraph = (): JSONContent => ({
    type: "paragraph",
    content: [
      { type: "text", text: SENTENCE.repeat(4) },
      { type: "reportField", attrs: { fieldId: fieldIds[n++ % fieldIds.length] } },
      { type: "text", text: `，${SENTENCE.repeat(4)}` },
    ],
  });
  const parts = template.parts.filter((p) => p.required).map((part, i) => ({
    type: "part",
    attrs: { partId: part.id },
    content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: `${i + 1}、${part.heading}` }] }, ...Array.from({ length: 50 }, paragraph)],
  }));
  return DocNode.parse({ type: "doc", content: parts });
}

const fields = Array.from({ length: 20 }, (_, i) => Field.parse({ id: `f${i}`, label: `指标${i}`, kind: "count", value: String(100 + i), unit: "件", status: "confirmed" }));
const body = hundredPageBody(fields.map((f) => f.id));
const base = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());

function newStore(): ReportStore {
  return createReportStore({
    api: { saveReport: () => Promise.reject(new Error("bench")), writeRecovery: () => Promise.reject(new Error("bench")) },
    opened: { report: { ...base, body, fields: Object.fromEntries(fields.map((f) => [f.id, f])) }, path: null, migratedFrom: null },
    template,
  });
}

function headlessEditor(store: ReportStore): Editor {
  return new Editor({
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
    content: JSON.parse(JSON.stringify(body)) as JSONContent,
  });
}

describe("editor on a 100-page report", () => {
  bench("open: build the editor with all parts and 200 field atoms", () => {
    headlessEditor(newStore()).destroy();
  }, { iterations: 5 });

  const typing = headlessEditor(newStore());
  let at = 10;
  bench("keystroke: one character inserted and applied", () => {
    typing.view.dispatch(typing.state.tr.insertText("法", at));
    at += 1;
  }, { iterations: 200 });

  const store = newStore();
  const host = document.createElement("div");
  document.body.append(host);
  flushSync(() => createRoot(host).render(createElement(ReportEditor, { store })));
  let value = 200;
  bench("field edit: every chip of one field re-rendered (10 occurrences)", () => {
    flushSync(() => store.getState().updateField("f3", { value: String(value++) }));
  }, { iterations: 50 });
});
