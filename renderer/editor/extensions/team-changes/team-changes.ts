import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { ChangedBlock } from "../../../../core/collab/changed-since";

export const teamChangesKey = new PluginKey<boolean>("teamChanges");
/** Meta that clears the marks (已阅). */
export const CLEAR_TEAM_CHANGES = "clearTeamChanges";

/** The node y-tiptap's binding made for each Yjs element (it keeps the node while the element is unchanged). */
function nodesOf(state: EditorState, changed: readonly ChangedBlock[]): Map<PmNode, string[]> {
  const binding: unknown = (ySyncPluginKey.getState(state) as { binding?: unknown } | undefined)?.binding;
  const mapping = (binding as { mapping?: Map<unknown, unknown> } | undefined)?.mapping;
  const nodes = new Map<PmNode, string[]>();
  for (const { block, by } of changed) {
    const node = mapping?.get(block);
    if (node !== undefined) nodes.set(node as PmNode, by);
  }
  return nodes;
}

/**
 * Team mode: the blocks other members changed since this member last opened the report, marked
 * until 已阅. Found anew from the shared document's elements on each redraw: another member's
 * change replaces the editor's whole content (y-tiptap), which positions could not survive.
 */
export const TeamChanges = Extension.create<{ changed: readonly ChangedBlock[] }>({
  name: "teamChanges",
  addOptions() {
    return { changed: [] };
  },
  addProseMirrorPlugins() {
    const { changed } = this.options;
    let cache: { doc: PmNode; set: DecorationSet } | null = null;
    return [
      new Plugin<boolean>({
        key: teamChangesKey,
        state: {
          init: () => changed.length > 0,
          apply: (tr, shown) => shown && tr.getMeta(CLEAR_TEAM_CHANGES) !== true,
        },
        props: {
          decorations: (state) => {
            if (teamChangesKey.getState(state) !== true) return DecorationSet.empty;
            if (cache?.doc === state.doc) return cache.set;
            const nodes = nodesOf(state, changed);
            const decorations: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              const by = nodes.get(node);
              if (by !== undefined)
                decorations.push(
                  Decoration.node(pos, pos + node.nodeSize, { class: "team-changed", title: `自上次打开以来，${by.join("、")}修改过此段` }),
                );
              return node.type.name === "part";
            });
            cache = { doc: state.doc, set: DecorationSet.create(state.doc, decorations) };
            return cache.set;
          },
        },
      }),
    ];
  },
});
