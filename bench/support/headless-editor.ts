import { Editor, type JSONContent } from "@tiptap/core";
import type { DocNode } from "../../core/model/doc";
import type { Template } from "../../core/model/template";
import { sectionExtensions, storeFieldResolver } from "../../renderer/editor/extension-sets";
import type { ReportStore } from "../../renderer/state/report-store";

/** The report editor's schema and plugins without React or a page: what the benches time. Needs a DOM (happy-dom). */
export function headlessEditor(store: ReportStore, template: Template, body: DocNode): Editor {
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
