import { isChangeOrigin } from "@tiptap/extension-collaboration";
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export interface PartGuardOptions {
  /** The statutory parts of the template (厅字〔2019〕28号): these may not disappear. */
  requiredPartIds: readonly string[];
  onBlocked: () => void;
}

export const partGuardKey = new PluginKey("partGuard");
/** Set on a transaction that removes a part on purpose (a future 删除此部分 command). */
export const ALLOW_PART_REMOVAL = "allowPartRemoval";

/** Refuses any edit that would remove a statutory part, such as select-all + Delete. */
export const PartGuard = Extension.create<PartGuardOptions>({
  name: "partGuard",
  addOptions() {
    return { requiredPartIds: [], onBlocked: () => undefined };
  },
  addProseMirrorPlugins() {
    const { requiredPartIds, onBlocked } = this.options;
    return [
      new Plugin({
        key: partGuardKey,
        filterTransaction: (tr) => {
          // Another member's change (team mode) is already in the shared document: refusing it here would only split the two.
          if (!tr.docChanged || tr.getMeta(ALLOW_PART_REMOVAL) === true || tr.getMeta("preventUpdate") === true || isChangeOrigin(tr))
            return true;
          const before = countParts(tr.before, requiredPartIds);
          const after = countParts(tr.doc, requiredPartIds);
          const lost = requiredPartIds.some((id) => (after.get(id) ?? 0) < (before.get(id) ?? 0));
          if (lost) onBlocked();
          return !lost;
        },
      }),
    ];
  },
});

function countParts(doc: PmNode, ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  doc.forEach((node) => {
    const id = node.type.name === "part" ? String(node.attrs["partId"]) : null;
    if (id !== null && ids.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return counts;
}
