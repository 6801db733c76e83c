import type { Template } from "../model/template";
import { normalizeHeading } from "./match-part";
import { readTemplateTable } from "./read-template-tables";
import type { SourceBlock } from "./source-block";

/**
 * How strongly a document looks like a report of this template: its title's fixed words near the
 * top, its parts' headings, its tables. Word for word, not by keywords, so two templates with
 * similar topics are told apart.
 */
export function templateScore(blocks: readonly SourceBlock[], template: Template): number {
  const lines = blocks.flatMap((b) => (b.type === "paragraph" ? b.text.split("\n").map((t) => t.trim()) : [])).filter((t) => t !== "");
  const fixedTitle = normalizeHeading(template.title.replace(/\{[a-zA-Z]+\}/gu, ""));
  const titled = fixedTitle.length >= 4 && lines.slice(0, 8).some((l) => normalizeHeading(l).includes(fixedTitle)) ? 3 : 0;
  const headings = lines.filter((l) => l.length <= 60).map(normalizeHeading);
  const parts = template.parts.filter((part) =>
    [part.heading, ...part.variants]
      .map((v) => normalizeHeading(v.replaceAll("{year}", "").replaceAll("{nextYear}", "")))
      .some((v) => v.length >= 4 && headings.some((h) => h === v || (h.length <= v.length + 8 && h.includes(v)))),
  ).length;
  const tables = blocks.filter(
    (b) => b.type === "table" && template.tables.length > 0 && readTemplateTable(b.rows, template) !== null,
  ).length;
  return titled + parts + 2 * tables;
}

/** The template the document fits best; the first of the list (the default) on a tie. */
export function recognizeTemplate<T extends Template>(blocks: readonly SourceBlock[], templates: readonly [T, ...T[]]): T {
  let best = templates[0];
  let bestScore = templateScore(blocks, best);
  for (const template of templates.slice(1)) {
    const score = templateScore(blocks, template);
    if (score > bestScore) [best, bestScore] = [template, score];
  }
  return best;
}
