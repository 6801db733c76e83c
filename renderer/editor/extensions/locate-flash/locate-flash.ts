import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export const locateFlashKey = new PluginKey<DecorationSet>("locateFlash");

/** A place to flash: a whole node (block or chip) or a run of text. */
export interface FlashRange {
  from: number;
  to: number;
  node: boolean;
}

/** How long the highlight stays; the CSS animation fades it out over the same time. */
export const FLASH_MS = 2400;

/**
 * Where a finding or a comparison points is shown by a highlight that fades, not by a selection:
 * a selection would be replaced by the first key typed.
 */
export const LocateFlash = Extension.create({
  name: "locateFlash",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: locateFlashKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const meta: unknown = tr.getMeta(locateFlashKey);
            if (meta === null) return DecorationSet.empty;
            if (isFlashRange(meta)) {
              const decoration = meta.node
                ? Decoration.node(meta.from, meta.to, { class: "locate-flash" })
                : Decoration.inline(meta.from, meta.to, { class: "locate-flash" });
              return DecorationSet.create(tr.doc, [decoration]);
            }
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => locateFlashKey.getState(state) ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

function isFlashRange(value: unknown): value is FlashRange {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

export function setFlash(tr: Transaction, range: FlashRange | null): Transaction {
  return tr.setMeta(locateFlashKey, range);
}
