import * as Y from "yjs";
import { AUTHORS_MAP, BODY_FRAGMENT } from "./report-ydoc";

/** A block of the body that others changed (its Yjs element, which an editor bound to the body maps to its node) and who. */
export interface ChangedBlock {
  block: Y.XmlElement;
  by: string[];
}

/**
 * The blocks of the body other members wrote in since the moment `seen` (a state vector this
 * member kept when it last opened the report): new text, and blocks added since. Deletions leave
 * no item to point at and are not listed. Written by hand: Yjs keeps who wrote an item (its
 * client id) and when (its clock), and only a walk of the body finds the blocks that hold them.
 */
export function changedSince(doc: Y.Doc, seen: Map<number, number>, me: string): ChangedBlock[] {
  const authors = doc.getMap<string>(AUTHORS_MAP);
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const changed: ChangedBlock[] = [];
  const writersIn = (type: Y.AbstractType<unknown>, names: Set<string>) => {
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted) continue;
      if (item.id.clock >= (seen.get(item.id.client) ?? 0)) {
        const name = authors.get(String(item.id.client));
        if (name !== undefined && name !== me) names.add(name);
      }
      if (item.content instanceof Y.ContentType) writersIn(item.content.type as Y.AbstractType<unknown>, names);
    }
  };
  body.toArray().forEach((top) => {
    if (top instanceof Y.XmlElement && top.nodeName === "part") {
      top.toArray().forEach((block) => {
        const names = new Set<string>();
        const item = (block as Y.AbstractType<unknown>)._item;
        if (item !== null && item.id.clock >= (seen.get(item.id.client) ?? 0)) {
          const name = authors.get(String(item.id.client));
          if (name !== undefined && name !== me) names.add(name);
        }
        writersIn(block as Y.AbstractType<unknown>, names);
        if (names.size > 0 && block instanceof Y.XmlElement) changed.push({ block, by: [...names].sort() });
      });
    } else {
      const names = new Set<string>();
      writersIn(top as Y.AbstractType<unknown>, names);
      if (names.size > 0 && top instanceof Y.XmlElement) changed.push({ block: top, by: [...names].sort() });
    }
  });
  return changed;
}
