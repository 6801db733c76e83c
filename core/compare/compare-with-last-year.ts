import type { DocNode } from "../model/doc";
import { alignParagraphs } from "./align-paragraphs";
import { bigramProfile, type BigramProfile } from "./bigram-similarity";
import { trimOuterDeletions, wordDiff, type DiffSegment } from "./word-diff";
import { collectParagraphs, FIELD_TOKEN, type BodyParagraph, type PartKey } from "./collect-paragraphs";

export type ParagraphStatus = "new" | "changed" | "unchanged" | "removed";

export type { DiffSegment } from "./word-diff";

export interface ParagraphComparison {
  status: ParagraphStatus;
  part: PartKey;
  /** This year's text ("" for a removed paragraph); field atoms read as "〔数〕". */
  text: string;
  lastYearText: string;
  path: number[] | null;
  lastYearPath: number[] | null;
  /** Changes from last year's text to this year's, word by word and grouped into runs. */
  diff: DiffSegment[];
  /** This paragraph is a piece of a last-year paragraph that was split (by Enter or a paste). */
  split?: true;
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
 * similarity (moves allowed), classified, and diffed by word. A paragraph split in two still
 * answers to its source: the piece that no longer resembles the whole is matched by containment.
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
    const alignment = alignParagraphs(
      mine.map((p) => p.text),
      theirs.map((p) => p.text),
    );
    const inPart: ParagraphComparison[] = [];
    // Profiles only when something is left unmatched: most parts pair every paragraph.
    const sources = alignment.added.length === 0 ? [] : theirs.map((p) => bigramProfile(p.text));
    const splitFrom = new Map<number, number>();
    for (const i of alignment.added) {
      const a = mine[i];
      const j = a === undefined ? -1 : containingParagraph(bigramProfile(a.text), sources);
      if (j >= 0) splitFrom.set(i, j);
    }
    const claimed = new Set(splitFrom.values());
    for (const [i, j] of alignment.pairs) {
      const a = mine[i];
      const b = theirs[j];
      // The other half of a split paragraph answers to the stretch it kept, not to the whole.
      if (a && b) inPart.push(claimed.has(j) ? splitPiece(a, b) : compared(a, b));
    }
    for (const i of alignment.added) {
      const a = mine[i];
      const b = theirs[splitFrom.get(i) ?? -1];
      if (a && b) inPart.push(splitPiece(a, b));
      else if (a)
        inPart.push({
          status: "new",
          part,
          text: readable(a.text),
          lastYearText: "",
          path: a.path,
          lastYearPath: null,
          diff: [{ kind: "insert", text: readable(a.text) }],
          unchangedRatio: 0,
        });
    }
    const currentProfiles = alignment.removed.length === 0 ? [] : mine.map((p) => bigramProfile(p.text));
    for (const j of alignment.removed) {
      const b = theirs[j];
      // Split up into this year's paragraphs, or merged into one of them: not removed.
      if (claimed.has(j) || (b !== undefined && containingParagraph(bigramProfile(b.text), currentProfiles) >= 0)) continue;
      if (b)
        inPart.push({
          status: "removed",
          part,
          text: "",
          lastYearText: readable(b.text),
          path: null,
          lastYearPath: b.path,
          diff: [{ kind: "delete", text: readable(b.text) }],
          unchangedRatio: 0,
        });
    }
    inPart.sort(byDocumentOrder);
    paragraphs.push(...inPart);
    parts.push(summarise(part, inPart));
  }
  return { unchangedRatio: ratioOf(paragraphs), parts, paragraphs };
}

/**
 * Share of a piece's bigrams that must be found in a paragraph for the piece to count as cut from
 * it: half, since a paste that splits a paragraph also joins the pasted text to both halves.
 */
const CONTAINED = 0.5;
/** Pieces shorter than this (in bigrams) are too small to trace to a source. */
const MIN_PIECE = 6;

/** The index of the paragraph that contains most of `piece`, or -1. */
function containingParagraph(piece: BigramProfile, paragraphs: readonly BigramProfile[]): number {
  if (piece.size < MIN_PIECE) return -1;
  let best = -1;
  let bestShare = CONTAINED;
  paragraphs.forEach((whole, j) => {
    if (whole.size <= piece.size) return;
    let shared = 0;
    for (const [gram, n] of piece.counts) shared += Math.min(n, whole.counts.get(gram) ?? 0);
    const share = shared / piece.size;
    if (share >= bestShare) {
      best = j;
      bestShare = share;
    }
  });
  return best;
}

/** A paragraph cut out of a longer one last year: compared with the stretch of it that it came from. */
function splitPiece(a: BodyParagraph, b: BodyParagraph): ParagraphComparison {
  const changes = trimOuterDeletions(wordDiff(b.text, a.text));
  const equalChars = changes.filter((c) => c.kind === "equal").reduce((n, c) => n + c.text.length, 0);
  return {
    status: changes.every((c) => c.kind === "equal") ? "unchanged" : "changed",
    part: a.part,
    text: readable(a.text),
    lastYearText: readable(
      changes
        .filter((c) => c.kind !== "insert")
        .map((c) => c.text)
        .join(""),
    ),
    path: a.path,
    lastYearPath: b.path,
    diff: changes.map((c) => ({ kind: c.kind, text: readable(c.text) })),
    unchangedRatio: a.text.length === 0 ? 1 : equalChars / a.text.length,
    split: true,
  };
}

function compared(a: BodyParagraph, b: BodyParagraph): ParagraphComparison {
  const changes = wordDiff(b.text, a.text);
  const diff: DiffSegment[] = changes.map((c) => ({ kind: c.kind, text: readable(c.text) }));
  const equalChars = changes.filter((c) => c.kind === "equal").reduce((n, c) => n + c.text.length, 0);
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
