import { bigramProfile, profileSimilarity } from "../compare/bigram-similarity";
import type { Field } from "../model/field";
import type { Template, TemplateIndicator } from "../model/template";

/** A label this close to an indicator's (检查企业、场所 ~ 检查企业和场所) reports that indicator. */
const SIMILAR = 0.6;

/**
 * The 来源部门 offered for `targets` (one field, or the rows selected together): the offices the
 * template's indicator catalogue names for what they report, then the departments this report
 * already names, the most used first. Nothing here is a rule: the clerk may type any office.
 */
export function departmentSuggestions(
  targets: readonly Field[],
  fields: Readonly<Record<string, Field>>,
  template: Pick<Template, "indicators">,
): string[] {
  const out = new Set<string>();
  for (const target of targets) {
    for (const department of indicatorOf(target, template.indicators)?.departments ?? []) out.add(department);
  }
  const used = new Map<string, number>();
  for (const field of Object.values(fields)) {
    if (field.source !== null) used.set(field.source, (used.get(field.source) ?? 0) + 1);
  }
  for (const [department] of [...used].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"))) out.add(department);
  return [...out];
}

/**
 * The indicator a field reports, by its label: the catalogue's label read in order inside the
 * field's (受理审批服务事项 in 受理各类审批服务事项), else the most similar one. Kinds must agree, so a
 * field's 同比增长 never takes the suggestion of the count it grows from.
 */
function indicatorOf(field: Field, indicators: readonly TemplateIndicator[]): TemplateIndicator | undefined {
  const label = plain(field.label);
  if (label === "") return undefined;
  const candidates = indicators.filter((i) => i.kind === field.kind);
  const contained = candidates
    .filter((i) => readsInOrder(plain(i.label), label))
    .sort((a, b) => plain(b.label).length - plain(a.label).length)[0];
  if (contained !== undefined) return contained;
  const own = bigramProfile(label);
  let best: { indicator: TemplateIndicator; score: number } | undefined;
  for (const indicator of candidates) {
    const score = profileSimilarity(own, bigramProfile(plain(indicator.label)), SIMILAR);
    if (score >= SIMILAR && (best === undefined || score > best.score)) best = { indicator, score };
  }
  return best?.indicator;
}

function plain(text: string): string {
  return text.replace(/[\s、，,。；;：:（）()“”"]/gu, "");
}

/** Every character of `short` appears in `long` in the same order (words inserted between are allowed). */
function readsInOrder(short: string, long: string): boolean {
  if (short.length < 2) return false;
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}
