import { diffArrays } from "diff";
import { MATCH_THRESHOLD } from "./align-paragraphs";
import { bigramProfile, profileSimilarity } from "./bigram-similarity";
import { chineseWords } from "../text/chinese-words";

export type Revision = "insert" | "delete";

/** A piece of text with its formatting, which the redline carries through untouched. */
export interface FormattedText<F> {
  text: string;
  format: F;
}

export interface RedlineInput<S, F> {
  /** Lines pair only with lines of the same kind (a heading never becomes a paragraph). */
  kind: string;
  runs: FormattedText<F>[];
  /** What the writer needs to lay the line out (its paragraph style). */
  source: S;
}

export interface RevisedText<F> extends FormattedText<F> {
  change: Revision | null;
}

export interface RedlineLine<S, F> {
  /** This year's source for a kept or inserted line, last year's for a deleted one. */
  source: S;
  runs: RevisedText<F>[];
  /** The paragraph itself inserted or deleted, not only text in it. */
  mark: Revision | null;
  /** Last year's line a kept line answers to (null for inserted and deleted lines). */
  lastYear: S | null;
}

export interface RedlineOptions {
  /**
   * Pair lines of the same kind however different: a table cell's "126件" → "148件" is an edit
   * of that cell, not a paragraph removed and another added.
   */
  pairAny?: boolean;
}

/** Low enough that any similar pair is preferred, above 0 so that dissimilar pairs still count. */
const PAIR_ANY_SCORE = 1e-6;

/**
 * Last year's lines turned into this year's as tracked changes. Unlike the 上年对照 alignment,
 * order is kept (a tracked-change document reads top to bottom, so a moved paragraph is a
 * deletion and an insertion); among order-keeping alignments the one with the most similar
 * pairs wins. Paired lines get a word diff: Chinese has no spaces, so words come from the
 * ICU segmenter, which keeps numbers whole (2023 → 2024 reads as one change, not 3 → 4).
 */
export function redlineLines<S, F>(
  current: readonly RedlineInput<S, F>[],
  lastYear: readonly RedlineInput<S, F>[],
  options: RedlineOptions = {},
): RedlineLine<S, F>[] {
  const now = current.map((l) => bigramProfile(plain(l)));
  const before = lastYear.map((l) => bigramProfile(plain(l)));
  // A line of a kind each year has once (the 落款 date, the 主送机关) is the same line rewritten.
  const once = new Set(
    [...kindCounts(current)].filter(([kind, n]) => n === 1 && kindCounts(lastYear).get(kind) === 1).map(([kind]) => kind),
  );
  const score = (i: number, j: number): number => {
    const kind = current[i]?.kind;
    if (kind === undefined || kind !== lastYear[j]?.kind) return 0;
    const a = now[i];
    const b = before[j];
    if (a === undefined || b === undefined) return 0;
    if (options.pairAny === true || once.has(kind)) return Math.max(profileSimilarity(a, b), PAIR_ANY_SCORE);
    const s = profileSimilarity(a, b, MATCH_THRESHOLD);
    return s >= MATCH_THRESHOLD ? s : 0;
  };
  // best[i][j]: the best total similarity aligning current[i..] with lastYear[j..].
  const n = current.length;
  const m = lastYear.length;
  const table = new Float64Array((n + 1) * (m + 1));
  const best = (i: number, j: number): number => table[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = score(i, j);
      table[i * (m + 1) + j] = Math.max(best(i + 1, j), best(i, j + 1), pair > 0 ? pair + best(i + 1, j + 1) : 0);
    }
  }
  const out: RedlineLine<S, F>[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const a = current[i];
    const b = lastYear[j];
    const pair = i < n && j < m ? score(i, j) : 0;
    if (a && b && pair > 0 && best(i, j) === pair + best(i + 1, j + 1)) {
      out.push({ source: a.source, runs: diffRuns(b.runs, a.runs), mark: null, lastYear: b.source });
      i++;
      j++;
    } else if (b && (i >= n || best(i, j) === best(i, j + 1))) {
      // Deletions before insertions, as Word shows a replaced paragraph.
      out.push({ source: b.source, runs: b.runs.map((r) => ({ ...r, change: "delete" })), mark: "delete", lastYear: null });
      j++;
    } else if (a) {
      out.push({ source: a.source, runs: a.runs.map((r) => ({ ...r, change: "insert" })), mark: "insert", lastYear: null });
      i++;
    }
  }
  return out;
}

function kindCounts(lines: readonly { kind: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { kind } of lines) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

function plain<S, F>(line: RedlineInput<S, F>): string {
  return line.runs.map((r) => r.text).join("");
}

/** The word diff of two formatted lines, each piece keeping the formatting of its own side. */
export function diffRuns<F>(before: readonly FormattedText<F>[], after: readonly FormattedText<F>[]): RevisedText<F>[] {
  const out: RevisedText<F>[] = [];
  let atBefore = 0;
  let atAfter = 0;
  for (const change of diffArrays(chineseWords(before.map((r) => r.text).join("")), chineseWords(after.map((r) => r.text).join("")))) {
    const length = change.value.join("").length;
    if (change.removed) {
      out.push(...slice(before, atBefore, atBefore + length).map((r) => ({ ...r, change: "delete" as const })));
      atBefore += length;
    } else {
      out.push(...slice(after, atAfter, atAfter + length).map((r) => ({ ...r, change: change.added ? ("insert" as const) : null })));
      atAfter += length;
      if (!change.added) atBefore += length;
    }
  }
  return out;
}

/** The runs covering characters [start, end), cut at the ends. */
function slice<F>(runs: readonly FormattedText<F>[], start: number, end: number): FormattedText<F>[] {
  const out: FormattedText<F>[] = [];
  let offset = 0;
  for (const run of runs) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + run.text.length);
    if (from < to) out.push({ text: run.text.slice(from - offset, to - offset), format: run.format });
    offset += run.text.length;
  }
  return out;
}
