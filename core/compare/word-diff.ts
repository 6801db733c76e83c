import { diffArrays } from "diff";
import { chineseWords } from "../text/chinese-words";

export interface DiffSegment {
  kind: "equal" | "insert" | "delete";
  text: string;
}

/** Equal stretches this short between two changes read as part of one change, not as a common word. */
const GLUE_CHARS = 2;

/**
 * Last year's text against this year's, word by word (the ICU segmenter: Chinese has no spaces,
 * and a character diff interleaves unrelated characters into nonsense), then grouped into runs:
 * a change, a character or two left equal, another change become one deletion and one insertion,
 * as a reader would mark them.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const raw: DiffSegment[] = diffArrays(chineseWords(before), chineseWords(after)).map((c) => ({
    kind: c.added ? "insert" : c.removed ? "delete" : "equal",
    text: c.value.join(""),
  }));
  const out: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted !== "") out.push({ kind: "delete", text: deleted });
    if (inserted !== "") out.push({ kind: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  raw.forEach((segment, i) => {
    if (segment.kind === "delete") deleted += segment.text;
    else if (segment.kind === "insert") inserted += segment.text;
    else {
      const pending = deleted !== "" || inserted !== "";
      const changeFollows = raw[i + 1] !== undefined && raw[i + 1]?.kind !== "equal";
      if (pending && changeFollows && [...segment.text].length <= GLUE_CHARS) {
        deleted += segment.text;
        inserted += segment.text;
        return;
      }
      flush();
      const last = out[out.length - 1];
      if (last?.kind === "equal") last.text += segment.text;
      else out.push({ kind: "equal", text: segment.text });
    }
  });
  flush();
  return out;
}

/**
 * Only the stretch of last year's paragraph this text came from: what was deleted before its
 * first and after its last common word went to the paragraph's other pieces.
 */
export function trimOuterDeletions(diff: readonly DiffSegment[]): DiffSegment[] {
  // A stop or a particle in common at the very end proves nothing about where the piece came from.
  const anchor = (d: DiffSegment) => d.kind === "equal" && [...d.text].length > GLUE_CHARS;
  const first = diff.findIndex(anchor);
  if (first < 0) return diff.filter((d) => d.kind !== "delete");
  let last = diff.length - 1;
  while (diff[last] !== undefined && !anchor(diff[last] as DiffSegment)) last--;
  return diff.filter((d, i) => d.kind !== "delete" || (i > first && i < last));
}
