/**
 * Dice coefficient over character bigrams. Chinese has no spaces, so words are not a usable unit;
 * bigrams are robust to small edits and cheap enough for a few hundred paragraphs.
 */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const gram = a.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const gram = b.slice(i, i + 2);
    const n = counts.get(gram) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(gram, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}
