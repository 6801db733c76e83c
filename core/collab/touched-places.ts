import * as Y from "yjs";
import { BODY_FRAGMENT, FIELDS_MAP, META_MAP, REPORT_MAP } from "./report-ydoc";

/**
 * Where one change landed in a report document, at the grain team rights are given in: a
 * statutory part, one of its subsections (the text under a level-2 heading （一）…; 0 is the text
 * before the first), a field, a meta entry, another report key. `structure` is the list of parts
 * itself and `opening` the paragraphs before 一、.
 */
export type TouchedPlace =
  | { kind: "structure" }
  | { kind: "opening" }
  | { kind: "part"; part: string; heading: string }
  | { kind: "subsection"; part: string; heading: string; subsection: number; subheading: string }
  | { kind: "field"; id: string }
  | { kind: "meta"; key: string }
  | { kind: "report"; key: string }
  | { kind: "unknown"; name: string };

type AnyType = Y.AbstractType<unknown>;

/**
 * Reads a transaction on a report document, from the document's `afterTransaction` event (items
 * deleted by it still hold their content there). Written by hand: Yjs reports changed types, and
 * only a walk of the changed lists tells which blocks were added or removed and under which heading.
 */
export function touchedPlaces(tr: Y.Transaction, doc: Y.Doc): TouchedPlace[] {
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const roots = new Map<unknown, (key: string) => TouchedPlace>([
    [doc.getMap(FIELDS_MAP), (id) => ({ kind: "field", id })],
    [doc.getMap(META_MAP), (key) => ({ kind: "meta", key })],
    [doc.getMap(REPORT_MAP), (key) => ({ kind: "report", key })],
  ]);
  const places = new Map<string, TouchedPlace>();
  const add = (place: TouchedPlace) => places.set(JSON.stringify(place), place);
  for (const [changed, keys] of tr.changed) {
    const type = changed as unknown as AnyType;
    const ofRoot = roots.get(type);
    if (ofRoot !== undefined) {
      for (const key of keys) if (key !== null) add(ofRoot(key));
      continue;
    }
    const chain = chainBelow(type, body);
    if (chain === null) {
      add({ kind: "unknown", name: rootNameOf(type, doc) });
      continue;
    }
    const [top, block] = chain;
    if (top === undefined) {
      add({ kind: "structure" });
      continue;
    }
    if (!(top instanceof Y.XmlElement) || top.nodeName !== "part") {
      add({ kind: "opening" });
      continue;
    }
    const part = partKeyOf(top, body);
    if (block === undefined) {
      for (const place of changesInPart(tr, top, part, keys)) add(place);
      continue;
    }
    add(placeOfBlock(tr, top, part, block, chain.length === 2 ? keys : new Set([null])));
  }
  return [...places.values()];
}

/** The types from the body's child down to `type`, or null when `type` is not in the body. */
function chainBelow(type: AnyType, body: Y.XmlFragment): AnyType[] | null {
  const chain: AnyType[] = [];
  let at: AnyType = type;
  while (at !== (body as AnyType)) {
    chain.unshift(at);
    const parent = at._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    at = parent as AnyType;
  }
  return chain;
}

function rootNameOf(type: AnyType, doc: Y.Doc): string {
  let at: AnyType = type;
  while (at._item !== null && at._item.parent instanceof Y.AbstractType) at = at._item.parent as AnyType;
  for (const [name, root] of doc.share) if (root === at) return name;
  return "?";
}

/** An element's attribute, also on an element deleted in this transaction (getAttribute hides those). */
function rawAttribute(element: Y.XmlElement, key: string): unknown {
  const item = element._map.get(key);
  return item?.content.getContent().at(-1);
}

function headingLevel(item: Y.Item): number | null {
  const type = item.content instanceof Y.ContentType ? item.content.type : null;
  if (!(type instanceof Y.XmlElement) || type.nodeName !== "heading") return null;
  const level = rawAttribute(type, "level");
  return typeof level === "number" ? level : null;
}

function textOf(type: AnyType): string {
  let text = "";
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentString) text += item.content.str;
    else if (item.content instanceof Y.ContentType) text += textOf(item.content.type as AnyType);
  }
  return text;
}

function partKeyOf(part: Y.XmlElement, body: Y.XmlFragment): string {
  const id = rawAttribute(part, "partId");
  if (typeof id === "string" && id !== "") return id;
  let index = 0;
  for (let item = body._start; item !== null && item.content.getContent()[0] !== part; item = item.right) if (!item.deleted) index += 1;
  return `#${index + 1}`;
}

function existedBefore(tr: Y.Transaction, item: Y.Item): boolean {
  return item.id.clock < (tr.beforeState.get(item.id.client) ?? 0);
}

function deletedNow(tr: Y.Transaction, item: Y.Item): boolean {
  return Y.isDeleted(tr.deleteSet, item.id);
}

interface PartWalk {
  item: Y.Item;
  /** The subsection the item belonged to before the transaction (inserted items: where they land). */
  subsection: number;
  subheading: string;
}

/** The part's blocks in order with their subsection as the part stood before the transaction. */
function walkPart(tr: Y.Transaction, part: Y.XmlElement): PartWalk[] {
  const walk: PartWalk[] = [];
  let subsection = 0;
  let subheading = "";
  for (let item = part._start; item !== null; item = item.right) {
    const before = existedBefore(tr, item) && (!item.deleted || deletedNow(tr, item));
    if (before && headingLevel(item) === 2) {
      subsection += 1;
      subheading = item.content instanceof Y.ContentType ? textOf(item.content.type as AnyType) : "";
    }
    walk.push({ item, subsection, subheading });
  }
  return walk;
}

function partHeading(part: Y.XmlElement): string {
  const first = part._start;
  return first !== null && first.content instanceof Y.ContentType ? textOf(first.content.type as AnyType) : "";
}

function changesInPart(tr: Y.Transaction, part: Y.XmlElement, key: string, keys: Set<string | null>): TouchedPlace[] {
  const heading = partHeading(part);
  const whole: TouchedPlace = { kind: "part", part: key, heading };
  if ([...keys].some((k) => k !== null)) return [whole];
  const places: TouchedPlace[] = [];
  for (const { item, subsection, subheading } of walkPart(tr, part)) {
    const inserted = !existedBefore(tr, item) && !item.deleted;
    const removed = existedBefore(tr, item) && deletedNow(tr, item);
    if (!inserted && !removed) continue;
    const level = headingLevel(item);
    places.push(level === 1 || level === 2 ? whole : { kind: "subsection", part: key, heading, subsection, subheading });
  }
  return places;
}

function placeOfBlock(tr: Y.Transaction, part: Y.XmlElement, key: string, block: AnyType, keys: Set<string | null>): TouchedPlace {
  const heading = partHeading(part);
  const whole: TouchedPlace = { kind: "part", part: key, heading };
  const entry = walkPart(tr, part).find((w) => w.item === block._item);
  if (entry === undefined) return whole;
  const level = headingLevel(entry.item);
  // A heading's own attributes (its level) renumber what follows; its review mark does not.
  const restyled = [...keys].some((k) => k !== null && k !== "carried");
  if (level === 1 || (level === 2 && restyled)) return whole;
  return { kind: "subsection", part: key, heading, subsection: entry.subsection, subheading: entry.subheading };
}
