import type { NodeViewRenderer } from "@tiptap/core";
import { Table, TableView, type TableOptions } from "@tiptap/extension-table";
import type { Node as PmNode } from "@tiptap/pm/model";
import { NodeSelection, Plugin, PluginKey, Selection, type EditorState } from "@tiptap/pm/state";
import { createRoot } from "react-dom/client";
import type { ReportStore } from "../../../state/report-store";
import { StatutoryTable as StatutoryTableGrid } from "./statutory-table-view";
import "./statutory-table.css";

/** The template table a body table shows, known by the table its number cells belong to; null for any other table. */
export function statutoryTableId(store: ReportStore, node: PmNode): string | null {
  if (node.type.name !== "table") return null;
  const { fields, template } = store.getState();
  let id: string | null = null;
  node.descendants((inner) => {
    if (id !== null) return false;
    if (inner.type.name === "reportField") {
      const table = fields[String(inner.attrs["fieldId"])]?.cell?.table;
      if (table !== undefined && template.tables.some((t) => t.id === table)) id = table;
    }
    return id === null;
  });
  return id;
}

export interface StatutoryTableOptions extends TableOptions {
  store: ReportStore | null;
}

/**
 * The editor's table node: a statutory table (表二 to 表四 of a template) is edited as a grid of
 * number cells in place, in the document where export prints it; any other table (one imported
 * from last year's Word file) stays a ProseMirror table the clerk types into.
 */
export const StatutoryTableNode = Table.extend<StatutoryTableOptions>({
  addOptions() {
    return { ...(this.parent?.() as TableOptions), store: null };
  },
  addNodeView() {
    const { store, cellMinWidth, HTMLAttributes } = this.options;
    if (store === null) return null;
    const view: NodeViewRenderer = (props) => {
      const tableId = statutoryTableId(store, props.node);
      if (tableId === null) return new TableView(props.node, cellMinWidth, props.view, { ...HTMLAttributes, ...props.HTMLAttributes });
      return statutoryTableView(store, tableId, props.node, props.getPos, props.view);
    };
    return view;
  },
  addProseMirrorPlugins() {
    const store = this.options.store;
    return [...(this.parent?.() ?? []), ...(store === null ? [] : [keepCaretOutOfGrids(store)])];
  },
});

type View = Parameters<NodeViewRenderer>[0]["view"];

function statutoryTableView(store: ReportStore, tableId: string, initial: PmNode, getPos: () => number | undefined, view: View) {
  const dom = document.createElement("div");
  dom.className = "statutory-table";
  dom.contentEditable = "false";
  dom.setAttribute("data-table-id", tableId);
  const root = createRoot(dom);
  const focusRef: { current: ((side: "top" | "bottom") => void) | null } = { current: null };
  enterers.set(dom, (side) => focusRef.current?.(side));
  const leave = (side: "before" | "after") => {
    const pos = getPos();
    if (pos === undefined) return;
    const { doc } = view.state;
    const at = side === "before" ? pos : pos + node.nodeSize;
    const selection = Selection.near(doc.resolve(Math.min(at, doc.content.size)), side === "before" ? -1 : 1);
    view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
    view.focus();
  };
  let node = initial;
  const render = () => root.render(<StatutoryTableGrid store={store} node={node} tableId={tableId} leave={leave} focusRef={focusRef} />);
  render();
  return {
    dom,
    update: (next: PmNode) => {
      if (next.type !== node.type || statutoryTableId(store, next) !== tableId) return false;
      if (next !== node) {
        node = next;
        render();
      }
      return true;
    },
    // Selected as a whole (the caret arrived from the text): the keyboard goes into the grid.
    selectNode: () => window.setTimeout(() => focusRef.current?.("top"), 0),
    deselectNode: () => undefined,
    // The grid handles its own keys, clicks and pastes; ProseMirror leaves them alone.
    stopEvent: (event: Event) => event.target instanceof globalThis.Node && dom.contains(event.target),
    ignoreMutation: () => true,
    // Unmounted after ProseMirror's update, not during React's render of the editor.
    destroy: () => window.setTimeout(() => root.unmount(), 0),
  };
}

const KEEP_OUT = new PluginKey("keepCaretOutOfStatutoryTables");

/** How the keys of the text hand the keyboard to a table's grid, by the table's element. */
const enterers = new WeakMap<globalThis.Node, (side: "top" | "bottom") => void>();

const ARROWS = { ArrowDown: "down", ArrowRight: "forward", ArrowUp: "up", ArrowLeft: "backward" } as const;

/**
 * A statutory table's cells are not text. An arrow key at the edge of the text next to one hands
 * the keyboard to its grid (its first row from above, its last from below); a caret that still
 * lands inside one (a click on a ruling) selects the table, which does the same.
 */
function keepCaretOutOfGrids(store: ReportStore): Plugin {
  return new Plugin({
    key: KEEP_OUT,
    props: {
      handleKeyDown: (view, event) => {
        const direction = event.key in ARROWS ? ARROWS[event.key as keyof typeof ARROWS] : undefined;
        if (direction === undefined || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
        const { selection } = view.state;
        if (!selection.empty || !selection.$head.parent.isTextblock || !view.endOfTextblock(direction)) return false;
        const $head = selection.$head;
        const forward = direction === "down" || direction === "forward";
        const edge = forward ? $head.after($head.depth) : $head.before($head.depth);
        const $edge = view.state.doc.resolve(edge);
        const table = forward ? $edge.nodeAfter : $edge.nodeBefore;
        if (table === null || statutoryTableId(store, table) === null) return false;
        const enter = enterers.get(view.nodeDOM(forward ? edge : edge - table.nodeSize) ?? document);
        if (enter === undefined) return false;
        event.preventDefault();
        enter(forward ? "top" : "bottom");
        return true;
      },
    },
    appendTransaction: (_trs, _old, state: EditorState) => {
      const { $from } = state.selection;
      if (state.selection instanceof NodeSelection && state.selection.node.type.name === "table") return null;
      for (let depth = $from.depth; depth > 0; depth--) {
        const ancestor = $from.node(depth);
        if (ancestor.type.name !== "table") continue;
        if (statutoryTableId(store, ancestor) === null) return null;
        return state.tr.setSelection(NodeSelection.create(state.doc, $from.before(depth)));
      }
      return null;
    },
  });
}
