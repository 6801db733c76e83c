import type { Report } from "../model/report";
import type { CheckContext } from "./check-context";
import { excerpt } from "./check-fields";
import { at, type Finding } from "./finding";
import { firstFieldUses, type Piece } from "./report-blocks";

/** Half-width spaces (and no-break spaces) as text copied from web pages and PDFs spaces numbers out. */
const SPACES = /[ \u00a0]+/gu;
const HAN_OR_CJK_PUNCT = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”‘’]/u;
const NUMBER_EDGE = /[\d%]/u;

/**
 * SPACE-01: a half-width space between Chinese text and a number (受理 590 件). Import keeps such
 * spaces as written; this warning offers to remove them, in the text and in a field's written form.
 */
export function checkSpacing({ report, blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const block of blocks) {
    block.pieces.forEach((piece, index) => {
      if (piece.type !== "text") return;
      const before = block.pieces[index - 1];
      const after = block.pieces[index + 1];
      for (const m of piece.text.matchAll(SPACES)) {
        const left = m.index === 0 ? lastChar(before) : (piece.text[m.index - 1] ?? "");
        const right = m.index + m[0].length === piece.text.length ? firstChar(after) : (piece.text[m.index + m[0].length] ?? "");
        if (!betweenChineseAndNumber(left, right)) continue;
        findings.push({
          id: "SPACE-01",
          severity: "warning",
          message: `汉字与数字之间不留半角空格：“${excerpt(block.text.slice(Math.max(0, piece.start + m.index - 8), piece.start + m.index + 10), 20)}”`,
          location: at(block.part, piece.path),
          fix: { type: "replaceText", path: piece.path, offset: m.index, from: m[0], to: "", label: "删去空格" },
        });
      }
    });
  }
  findings.push(...writtenSpacing(report, blocks));
  return findings;
}

/** Spaces inside a field as written (超 36 万件): one finding per field, fixed in its written form. */
function writtenSpacing(report: Report, blocks: CheckContext["blocks"]): Finding[] {
  const uses = firstFieldUses(blocks);
  const findings: Finding[] = [];
  for (const field of Object.values(report.fields)) {
    const written = field.written;
    if (written === undefined || !/[ \u00a0]/u.test(written.frame)) continue;
    const use = uses.get(field.id);
    if (use === undefined) continue;
    const frame = written.frame.replace(SPACES, "");
    findings.push({
      id: "SPACE-01",
      severity: "warning",
      message: `汉字与数字之间不留半角空格：字段“${field.label}”写作“${written.frame.replace("#", "…")}”`,
      location: at(use.part, use.path, field.id),
      fix: { type: "setWrittenFrame", fieldId: field.id, frame, label: "删去空格" },
    });
  }
  return findings;
}

function betweenChineseAndNumber(left: string, right: string): boolean {
  return (HAN_OR_CJK_PUNCT.test(left) && NUMBER_EDGE.test(right)) || (NUMBER_EDGE.test(left) && HAN_OR_CJK_PUNCT.test(right));
}

function lastChar(piece: Piece | undefined): string {
  return piece === undefined ? "" : piece.text.slice(-1);
}

function firstChar(piece: Piece | undefined): string {
  return piece === undefined ? "" : piece.text.slice(0, 1);
}
