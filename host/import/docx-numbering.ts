import { toChineseNumeral } from "../../core/text/chinese-numeral";
import type { InputBudget } from "./input-budget";
import { parseXml } from "./parse-xml";

interface Level {
  start: number;
  format: string;
  text: string;
}

/**
 * Word's automatic numbering (numbering.xml): clerks who number 一、（一）1. with Word's list
 * feature have no numbers in the text, so the reader renders them to keep recognition uniform.
 */
export interface NumberingRenderer {
  /** The number text of the next paragraph in list numId at level ilvl, e.g. "一、" or "（二）". */
  next: (numId: string, ilvl: number) => string;
}

export function readNumbering(xml: string | null, budget: InputBudget): NumberingRenderer {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, string>();
  if (xml !== null) {
    const st: { abstract: Map<number, Level> | null; level: Level | null; num: string | null } = { abstract: null, level: null, num: null };
    parseXml(
      xml,
      "word/numbering.xml",
      {
        open: (name, a) => {
          if (name === "w:abstractNum") {
            st.abstract = new Map();
            abstracts.set(a["w:abstractNumId"] ?? "", st.abstract);
          } else if (name === "w:lvl" && st.abstract !== null) {
            st.level = { start: 1, format: "decimal", text: "" };
            st.abstract.set(Number(a["w:ilvl"] ?? "0"), st.level);
          } else if (st.level !== null && name === "w:start") st.level.start = Number(a["w:val"] ?? "1") || 1;
          else if (st.level !== null && name === "w:numFmt") st.level.format = a["w:val"] ?? "decimal";
          else if (st.level !== null && name === "w:lvlText") st.level.text = a["w:val"] ?? "";
          else if (name === "w:num") st.num = a["w:numId"] ?? null;
          else if (name === "w:abstractNumId" && st.num !== null) nums.set(st.num, a["w:val"] ?? "");
        },
        close: (name) => {
          if (name === "w:abstractNum") st.abstract = null;
          else if (name === "w:lvl") st.level = null;
          else if (name === "w:num") st.num = null;
        },
        text: () => undefined,
      },
      budget,
    );
  }
  const counters = new Map<string, number[]>();
  return {
    next: (numId, ilvl) => {
      const abstractId = nums.get(numId);
      const levels = abstractId === undefined ? undefined : abstracts.get(abstractId);
      const level = levels?.get(ilvl);
      if (!levels || !level || level.format === "bullet" || level.format === "none") return "";
      const key = abstractId ?? numId;
      const count = counters.get(key) ?? [];
      for (let i = 0; i <= ilvl; i++) count[i] ??= (levels.get(i)?.start ?? 1) - 1;
      count[ilvl] = (count[ilvl] ?? 0) + 1;
      count.length = ilvl + 1;
      counters.set(key, count);
      return level.text.replace(/%(\d)/gu, (_, n: string) => {
        const i = Number(n) - 1;
        return format(count[i] ?? 1, levels.get(i)?.format ?? "decimal");
      });
    },
  };
}

function format(n: number, fmt: string): string {
  if (/chinese|ideograph|japaneseCounting|taiwanese/iu.test(fmt) && n <= 99) return toChineseNumeral(n);
  if (fmt === "decimalEnclosedCircle" || fmt === "decimalEnclosedCircleChinese")
    return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
  if (fmt === "lowerLetter") return String.fromCharCode(96 + (((n - 1) % 26) + 1));
  if (fmt === "upperLetter") return String.fromCharCode(64 + (((n - 1) % 26) + 1));
  return String(n);
}
