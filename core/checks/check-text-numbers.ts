import type { CheckContext } from "./check-context";
import { at, type Finding } from "./finding";

/*
 * A deliberately simple recogniser (the importer owns real number recognition, Chinese numerals
 * included): an Arabic-digit number, optionally 万/亿 and 余, then a unit or measure word from
 * the reports' vocabulary (domain.md §3.1) or %. Years (2023年), ordinals (第3次), numbers inside
 * quotes (“15分钟医保服务圈”) or document names (《…》) and decimals of times are not statistics.
 */
const UNITS =
  "万元|亿元|元|平方米|平方公里|公里|米|场次|家次|人次|户次|件次|件|个|座|处|场|家|条|份|次|人|名|户|项|起|宗|所|篇|期|批|套|台|辆|支|张|册";
const STATISTIC = new RegExp(`(?<![\\d.第])(\\d+(?:\\.\\d+)?)\\s*(万|亿)?\\s*(余)?\\s*(${UNITS}|%)`, "g");

/** Numbers typed as text where a field belongs, so they escape YoY and roll-forward. */
export function checkTextNumbers({ blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const block of blocks) {
    if (block.kind === "heading") continue;
    for (const piece of block.pieces) {
      if (piece.type !== "text") continue;
      for (const m of piece.text.matchAll(STATISTIC)) {
        if (insideQuotes(piece.text, m.index)) continue;
        if (piece.text.startsWith("百分点", m.index + m[0].length)) continue;
        findings.push({
          id: "TEXT-NUMBER",
          severity: "info",
          message: `“${m[0].replace(/\s+/g, "")}”是手工输入的数字，建议转为字段，以便与上年比较并在下年自动结转`,
          location: at(block.part, piece.path),
        });
      }
    }
  }
  return findings;
}

function insideQuotes(text: string, offset: number): boolean {
  for (const [open, close] of [
    ["“", "”"],
    ["《", "》"],
    ['"', '"'],
  ] as const) {
    const before = text.slice(0, offset);
    const opened = before.split(open).length - 1;
    const closed = open === close ? 0 : before.split(close).length - 1;
    if (open === close ? opened % 2 === 1 : opened > closed) return true;
  }
  return false;
}
