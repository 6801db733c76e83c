import { toChineseNumeral } from "../text/chinese-numeral";
import { readHeadingNumber, type NumberingLevel } from "../text/heading-numbering";
import type { CheckContext } from "./check-context";
import { at, type Finding, type ReportPath } from "./finding";
import type { TextBlock } from "./report-blocks";

type Level = NumberingLevel;

interface Numbering {
  level: Level;
  /** The numeral as written: "二", "3"; its value, null when malformed (一一). */
  numeral: string;
  number: number | null;
  /** The whole token as written ("二.", "(三)", "1、") and as GB/T 9704 7.3.3 wants it. */
  written: string;
  expected: string;
}

const ID: Record<Level, string> = { 1: "NUM-01", 2: "NUM-02", 3: "NUM-03", 4: "NUM-04" };
const SHAPE: Record<Level, string> = { 1: "“一、”", 2: "“（一）”（其后不加标点）", 3: "“1.”", 4: "“（1）”" };

/** Heading numbering per GB/T 9704 7.3.3: the form of each level, and no gaps or repeats. */
export function checkNumbering({ blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const last = new Map<Level, number>();
  for (const block of blocks) {
    if (block.inTable) continue;
    const item = numberedItem(block);
    if (item === undefined) continue;
    const { text, path, offset } = item;
    let numbering = readNumbering(text);
    if (block.kind === "heading" && block.level === 1 && (numbering === undefined || numbering.level !== 1)) {
      const arabic = /^(\d{1,2})[、.．]/.exec(text);
      if (arabic?.[1] === undefined) {
        findings.push({
          id: "NUM-01",
          severity: "error",
          message: `一级标题应以“一、”式编号开头：“${text.slice(0, 20)}”`,
          location: at(block.part, path),
        });
        continue;
      }
      const han = toChineseNumeral(Number(arabic[1]));
      numbering = { level: 1, numeral: han, number: Number(arabic[1]), written: arabic[0], expected: `${han}、` };
    }
    if (numbering === undefined) continue;
    if (numbering.written !== numbering.expected) {
      findings.push({
        id: ID[numbering.level],
        severity: "error",
        message: `${numbering.level}级标题编号应写作${SHAPE[numbering.level]}，此处为“${numbering.written}”`,
        location: at(block.part, path),
        fix: { type: "replaceText", path, offset, from: numbering.written, to: numbering.expected, label: `改为“${numbering.expected}”` },
      });
    }
    const n = numbering.number;
    if (n === null) {
      findings.push({ id: "NUM-05", severity: "error", message: `标题编号“${numbering.numeral}”写法有误`, location: at(block.part, path) });
      continue;
    }
    const previous = last.get(numbering.level) ?? 0;
    if (n !== previous + 1) {
      findings.push({
        id: "NUM-05",
        severity: "error",
        message:
          n === previous
            ? `标题编号“${numbering.expected}”重复`
            : n > previous
              ? `标题编号不连续：“${numbering.expected}”之前缺少 ${gap(numbering.level, previous + 1, n - 1)}`
              : `标题编号“${numbering.expected}”顺序倒置`,
        location: at(block.part, path),
      });
    }
    last.set(numbering.level, n);
    for (const deeper of [2, 3, 4] as const) if (deeper > numbering.level) last.delete(deeper);
  }
  return findings;
}

/** The numbered text of a heading, of a run-in heading, or of a paragraph opening with a sub-level number. */
function numberedItem(block: TextBlock): { text: string; path: ReportPath; offset: number } | undefined {
  const first = block.pieces[0];
  if (first?.type !== "text") return undefined;
  const text = first.text.trimStart();
  const item = { text, path: first.path, offset: first.text.length - text.length };
  if (block.kind === "heading") return item;
  const numbering = readNumbering(text);
  if (first.runInLevel !== null || (numbering !== undefined && numbering.level > 1)) return item;
  return undefined;
}

function readNumbering(text: string): Numbering | undefined {
  const found = readHeadingNumber(text);
  if (found === null) return undefined;
  return { level: found.level, numeral: found.numeral, number: found.number, written: found.written, expected: found.canonical };
}

function gap(level: Level, from: number, to: number): string {
  const names: string[] = [];
  for (let n = from; n <= Math.min(to, from + 4); n++) names.push(level === 1 || level === 2 ? toChineseNumeral(n) : String(n));
  return `“${names.join("、")}”`;
}
