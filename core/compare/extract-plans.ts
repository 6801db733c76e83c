import type { DocNode } from "../model/doc";
import { collectParagraphs } from "./collect-paragraphs";
import { inlineText, type FieldTextResolver } from "../doc/inline-text";

export interface PlanItem {
  /** Stable key: the item's lead ("有效提高法治能力建设"), so decisions survive re-extraction. */
  key: string;
  /** The item's whole text, enumerator included. */
  text: string;
}

const ENUMERATOR = /[一二三四五六七八九十]{1,3}是/g;
const NUMBERED = /^(?:\d{1,2}[.．、]|（[一二三四五六七八九十\d]{1,3}）|\([一二三四五六七八九十\d]{1,3}\))/;

/**
 * Splits last year's 下一年度主要安排 into checkable items: "一是…二是…" leads inside paragraphs,
 * else numbered paragraphs or subsection headings, else sentences.
 */
export function extractPlans(lastYearBody: DocNode, resolve: FieldTextResolver = () => undefined): PlanItem[] {
  const part = lastYearBody.content.find((n) => n.type === "part" && n.attrs.partId === "nextYear");
  if (!part || part.type !== "part") return [];
  const doc: DocNode = { type: "doc", content: [part] };
  const paragraphs = collectParagraphs(doc, resolve).map((p) => p.text);
  const subheadings = part.content
    .filter((b) => b.type === "heading" && b.attrs.level >= 2)
    .map((b) => (b.type === "heading" ? inlineText(b.content, resolve).trim() : ""));

  const enumerated = paragraphs.flatMap(splitEnumerated);
  if (enumerated.length > 0) return enumerated.map(toItem);
  if (subheadings.length > 0) return subheadings.map(toItem);
  const numbered = paragraphs.filter((p) => NUMBERED.test(p));
  if (numbered.length > 0) return numbered.map(toItem);
  return paragraphs
    .flatMap((p) =>
      p
        .split(/(?<=[。！？])/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    )
    .map(toItem);
}

function splitEnumerated(paragraph: string): string[] {
  const starts = [...paragraph.matchAll(ENUMERATOR)].map((m) => m.index);
  return starts.map((start, k) => paragraph.slice(start, starts[k + 1] ?? paragraph.length).trim());
}

function toItem(text: string): PlanItem {
  const body = text
    .replace(/^[一二三四五六七八九十]{1,3}是/, "")
    .replace(NUMBERED, "")
    .trim();
  const lead = body.split(/[。；：！？]/)[0]?.trim() ?? body;
  return { key: lead.slice(0, 60), text };
}
