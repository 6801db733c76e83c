import { bigramProfile, profileSimilarity } from "./bigram-similarity";

/** Below this, two paragraphs are different texts rather than an edit of one another. */
export const MATCH_THRESHOLD = 0.45;

export interface Alignment {
  /** [this year index, last year index] */
  pairs: [number, number][];
  added: number[];
  removed: number[];
}

/**
 * Aligns paragraphs by similarity, allowing moves: the best-scoring pairs are taken first, each
 * paragraph used at most once. Greedy matching is enough here: parts hold tens of paragraphs,
 * and an exact assignment would only change ties between near-duplicates.
 */
export function alignParagraphs(current: readonly string[], previous: readonly string[]): Alignment {
  const candidates: { i: number; j: number; score: number }[] = [];
  const before = previous.map(bigramProfile);
  current.forEach((text, i) => {
    const a = bigramProfile(text);
    before.forEach((b, j) => {
      const score = profileSimilarity(a, b, MATCH_THRESHOLD);
      if (score >= MATCH_THRESHOLD) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const usedCurrent = new Set<number>();
  const usedPrevious = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (usedCurrent.has(i) || usedPrevious.has(j)) continue;
    usedCurrent.add(i);
    usedPrevious.add(j);
    pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return {
    pairs,
    added: current.map((_, i) => i).filter((i) => !usedCurrent.has(i)),
    removed: previous.map((_, j) => j).filter((j) => !usedPrevious.has(j)),
  };
}
