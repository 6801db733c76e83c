/*
 * Made on first use, not at module load: an ICU break iterator held by a module-level object
 * cannot be put in a V8 startup snapshot, and the CLI is shipped as one.
 */
let segmenter: Intl.Segmenter | undefined;

/** Text cut into words as Chinese is read (ICU's dictionary), so a diff never splits a word. */
export function chineseWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
