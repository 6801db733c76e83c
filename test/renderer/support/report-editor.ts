import { Editor, type JSONContent } from "@tiptap/core";
import type { OpenedReport } from "../../../core/api/contract";
import { createReport } from "../../../core/model/create-report";
import { Field, type FieldInput } from "../../../core/model/field";
import { sectionExtensions, storeFieldResolver } from "../../../renderer/editor/extension-sets";
import { createReportStore, type ReportStore } from "../../../renderer/state/report-store";
import type { ReportApi } from "../../../renderer/platform/api";
import { fixedDeps } from "../../support/deps";
import { fazhiTemplate } from "../../support/template";

export const template = fazhiTemplate();

export function field(input: Partial<FieldInput> & { id: string }): Field {
  return Field.parse({ label: "受理审批服务事项", kind: "count", value: null, unit: "件", status: "unconfirmed", ...input });
}

/** A fresh report of the real template with the given fields, as the service would open it. */
export function openedReport(fields: Field[] = []): OpenedReport {
  const report = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
  return { report: { ...report, fields: Object.fromEntries(fields.map((f) => [f.id, f])) }, path: null, migratedFrom: null };
}

export function storeFor(opened: OpenedReport, api?: Pick<ReportApi, "saveReport" | "writeRecovery">): ReportStore {
  return createReportStore({
    api: api ?? { saveReport: () => Promise.reject(new Error("offline")), writeRecovery: () => Promise.reject(new Error("offline")) },
    opened,
    template,
  });
}

export interface TestEditor {
  editor: Editor;
  store: ReportStore;
  blocked: string[];
}

/** The editor built from the real extension set (never a hand-made copy), headless. */
const liveEditors = new Set<Editor>();

/**
 * Destroys every editor a test made. ProseMirror schedules DOM work on timers; an editor left
 * alive fires them after the DOM environment is torn down ("document is not defined").
 */
export function destroyTestEditors(): void {
  for (const editor of liveEditors) editor.destroy();
  liveEditors.clear();
}

export function makeEditor(
  content: JSONContent,
  fields: Field[] = [],
  options: { withChips?: boolean; openField?: (fieldId: string) => void; lastYearWording?: ReadonlySet<string> } = {},
): TestEditor {
  const opened = openedReport(fields);
  const store = storeFor(opened);
  const blocked: string[] = [];
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: sectionExtensions({
      store: options.withChips === true ? store : null,
      isKnownField: (id) => store.getState().fields[id] !== undefined,
      resolveField: storeFieldResolver(store),
      openField: (fieldId) => options.openField?.(fieldId),
      requiredPartIds: template.parts.filter((p) => p.required).map((p) => p.id),
      onPartRemovalBlocked: () => blocked.push("part"),
      ...(options.lastYearWording === undefined ? {} : { lastYearWording: () => options.lastYearWording ?? new Set() }),
      undo: null,
      redo: null,
    }),
    content,
  });
  liveEditors.add(editor);
  return { editor, store, blocked };
}

/** One part with one paragraph: the smallest document the schema accepts with body text. */
export function docWithParagraph(inline: JSONContent[]): JSONContent {
  return {
    type: "doc",
    content: [
      {
        type: "part",
        attrs: { partId: "measures" },
        content: [
          { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "二、主要举措和成效" }] },
          { type: "paragraph", content: inline },
        ],
      },
    ],
  };
}

export function keyDown(editor: Editor, key: string): boolean {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true });
  return editor.view.someProp("handleKeyDown", (handle) => handle(editor.view, event)) === true;
}

/** The inline content of the first part's first paragraph, as JSON. */
export function firstParagraphInline(editor: Editor): JSONContent[] {
  const json: JSONContent = editor.getJSON();
  return json.content?.[0]?.content?.[1]?.content ?? [];
}

export function topLevel(editor: Editor): JSONContent[] {
  const json: JSONContent = editor.getJSON();
  return json.content ?? [];
}
