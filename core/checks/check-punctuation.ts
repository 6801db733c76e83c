import type { CheckContext } from "./check-context";
import { excerpt } from "./check-fields";
import { at, type Finding } from "./finding";

const HALF_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]/;
/** A leading "(一)" or "(1)" belongs to the numbering checks, which fix it whole. */
const NUMBER_PREFIX = /^\s*[（(]\s*[一二三四五六七八九十\d]+\s*[)）]/;

/** HEAD-01 (a standalone heading ends without punctuation) and PUNC-01 (half-width punctuation in Chinese text). */
export function checkPunctuation({ blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") {
      const lastPiece = block.pieces.at(-1);
      const trimmed = lastPiece?.type === "text" ? lastPiece.text.trimEnd() : "";
      const end = trimmed.at(-1);
      if (lastPiece?.type === "text" && end !== undefined && "。；，：;,:".includes(end)) {
        findings.push({
          id: "HEAD-01",
          severity: "warning",
          message: `单独成行的标题末尾不加标点：“${excerpt(block.text)}”`,
          location: at(block.part, lastPiece.path),
          fix: { type: "replaceText", path: lastPiece.path, offset: trimmed.length - 1, from: end, to: "", label: `删去末尾的“${end}”` },
        });
      }
    }
    block.pieces.forEach((piece, index) => {
      if (piece.type !== "text") return;
      const skipUntil = index === 0 ? (NUMBER_PREFIX.exec(piece.text)?.[0].length ?? 0) : 0;
      // A ")" follows its "(": a Latin aside "(see note)" keeps both half-width.
      let openFlagged: boolean | null = null;
      for (const m of piece.text.matchAll(/[,;:?!()]/g)) {
        const i = m.index;
        if (i < skipUntil) continue;
        const prev = piece.text[i - 1] ?? "";
        const next = piece.text[i + 1] ?? "";
        // 9:30 and 1,000 are numbers; http:// and Latin phrases are not Chinese text.
        if (/\d/.test(prev) && /\d/.test(next)) continue;
        const chinese = CJK.test(prev) || CJK.test(next);
        if (m[0] === "(") openFlagged = chinese;
        if (m[0] === ")") {
          const flagged = openFlagged ?? chinese;
          openFlagged = null;
          if (!flagged) continue;
        } else if (!chinese) continue;
        const full = HALF_TO_FULL[m[0]] ?? m[0];
        findings.push({
          id: "PUNC-01",
          severity: "error",
          message: `中文中应使用全角标点“${full}”，此处为半角“${m[0]}”：“${excerpt(piece.text.slice(Math.max(0, i - 8), i + 8), 20)}”`,
          location: at(block.part, piece.path),
          fix: { type: "replaceText", path: piece.path, offset: i, from: m[0], to: full, label: `改为“${full}”` },
        });
      }
    });
  }
  return findings;
}
