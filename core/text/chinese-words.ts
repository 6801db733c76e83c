/*
 * Made on first use, not at module load: most commands never diff, and an ICU break iterator made
 * at load also keeps the bundle out of a V8 startup snapshot (see BENCHMARKS.md).
 */
let segmenter: Intl.Segmenter | undefined;

/** Text cut into words as Chinese is read (ICU's dictionary), so a diff never splits a word. */
export function chineseWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
