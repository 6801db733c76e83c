/** A text's character bigrams with their counts, built once per paragraph and compared many times. */
export interface BigramProfile {
  text: string;
  counts: Map<string, number>;
  /** Number of bigrams (length − 1). */
  size: number;
}

export function bigramProfile(text: string): BigramProfile {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return { text, counts, size: Math.max(0, text.length - 1) };
}

/**
 * Dice coefficient over character bigrams. Chinese has no spaces, so words are not a usable unit;
 * bigrams are robust to small edits. 0 early when the lengths alone keep it below `floor`.
 */
export function profileSimilarity(a: BigramProfile, b: BigramProfile, floor = 0): number {
  if (a.text === b.text) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  // Dice cannot exceed 2·min/(sum): texts of very different lengths are never a match.
  if ((2 * Math.min(a.size, b.size)) / (a.size + b.size) < floor) return 0;
  let shared = 0;
  for (const [gram, n] of b.counts) shared += Math.min(n, a.counts.get(gram) ?? 0);
  return (2 * shared) / (a.size + b.size);
}
