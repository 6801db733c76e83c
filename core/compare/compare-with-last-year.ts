import { diffChars } from "diff";
import type { DocNode } from "../model/doc";
import { alignParagraphs } from "./align-paragraphs";
import { collectParagraphs, FIELD_TOKEN, type BodyParagraph, type PartKey } from "./collect-paragraphs";

export type ParagraphStatus = "new" | "changed" | "unchanged" | "removed";

export interface DiffSegment {
  kind: "equal" | "insert" | "delete";
  text: string;
}

export interface ParagraphComparison {
  status: ParagraphStatus;
  part: PartKey;
  /** This year's text ("" for a removed paragraph); field atoms read as "〔数〕". */
  text: string;
  lastYearText: string;
  path: number[] | null;
  lastYearPath: number[] | null;
  /** Character-level changes from last year's text to this year's. */
  diff: DiffSegment[];
  /** Share of this year's characters taken over unchanged from last year. */
  unchangedRatio: number;
}

export interface PartComparison {
  part: PartKey;
  unchangedRatio: number;
  counts: Record<ParagraphStatus, number>;
}

export interface Comparison {
  unchangedRatio: number;
  parts: PartComparison[];
  paragraphs: ParagraphComparison[];
}

const FIELD_LABEL = "〔数〕";

/**
 * Compares this year's body with last year's, part by part: paragraphs are aligned by
 * similarity (moves allowed), classified, and diffed by character, since Chinese text has no
 * word boundaries to diff on.
 */
export function compareWithLastYear(current: DocNode, lastYear: DocNode): Comparison {
  const now = groupByPart(collectParagraphs(current));
  const before = groupByPart(collectParagraphs(lastYear));
  const partOrder = [...new Set([...now.keys(), ...before.keys()])];
  const paragraphs: ParagraphComparison[] = [];
  const parts: PartComparison[] = [];
  for (const part of partOrder) {
    const mine = now.get(part) ?? [];
    const theirs = before.get(part) ?? [];
    const alignment = alignParagraphs(mine.map((p) => p.text), theirs.map((p) => p.text));
    const inPart: ParagraphComparison[] = [];
    for (const [i, j] of alignment.pairs) {
      const a = mine[i];
      const b = theirs[j];
      if (a && b) inPart.push(compared(a, b));
    }
    for (const i of alignment.added) {
      const a = mine[i];
      if (a) inPart.push({ status: "new", part, text: readable(a.text), lastYearText: "", path: a.path, lastYearPath: null, diff: [{ kind: "insert", text: readable(a.text) }], unchangedRatio: 0 });
    }
    for (const j of alignment.removed) {
      const b = theirs[j];
      if (b) inPart.push({ status: "removed", part, text: "", lastYearText: readable(b.text), path: null, lastYearPath: b.path, diff: [{ kind: "delete", text: readable(b.text) }], unchangedRatio: 0 });
    }
    inPart.sort(byDocumentOrder);
    paragraphs.push(...inPart);
    parts.push(summarise(part, inPart));
  }
  return { unchangedRatio: ratioOf(paragraphs), parts, paragraphs };
}

function compared(a: BodyParagraph, b: BodyParagraph): ParagraphComparison {
  const changes = diffChars(b.text, a.text);
  const diff: DiffSegment[] = changes.map((c) => ({ kind: c.added ? "insert" : c.removed ? "delete" : "equal", text: readable(c.value) }));
  const equalChars = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.value.length, 0);
  const status: ParagraphStatus = a.text === b.text ? "unchanged" : "changed";
  return {
    status,
    part: a.part,
    text: readable(a.text),
    lastYearText: readable(b.text),
    path: a.path,
    lastYearPath: b.path,
    diff,
    unchangedRatio: a.text.length === 0 ? 1 : equalChars / a.text.length,
  };
}

function summarise(part: PartKey, items: ParagraphComparison[]): PartComparison {
  const counts: Record<ParagraphStatus, number> = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const item of items) counts[item.status]++;
  return { part, unchangedRatio: ratioOf(items), counts };
}

/** Unchanged characters over all of this year's characters; an empty side counts as nothing copied. */
function ratioOf(items: ParagraphComparison[]): number {
  let total = 0;
  let unchanged = 0;
  for (const item of items) {
    if (item.status === "removed") continue;
    const length = [...item.text.replaceAll(FIELD_LABEL, FIELD_TOKEN)].length;
    total += length;
    unchanged += item.unchangedRatio * length;
  }
  return total === 0 ? 0 : Math.round((unchanged / total) * 10000) / 10000;
}

function groupByPart(items: BodyParagraph[]): Map<PartKey, BodyParagraph[]> {
  const map = new Map<PartKey, BodyParagraph[]>();
  for (const item of items) {
    const list = map.get(item.part) ?? [];
    list.push(item);
    map.set(item.part, list);
  }
  return map;
}

function readable(text: string): string {
  return text.replaceAll(FIELD_TOKEN, FIELD_LABEL);
}

function byDocumentOrder(x: ParagraphComparison, y: ParagraphComparison): number {
  const a = x.path ?? x.lastYearPath ?? [];
  const b = y.path ?? y.lastYearPath ?? [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const d = (a[k] ?? -1) - (b[k] ?? -1);
    if (d !== 0) return d;
  }
  return x.status === "removed" ? 1 : -1;
}
