import { bigramProfile, profileSimilarity } from "../compare/bigram-similarity";
import type { Field } from "../model/field";
import type { TemplateIndicator } from "../model/template";

/** A label this close to an indicator's (检查企业、场所 ~ 检查企业和场所) reports that indicator. */
const SIMILAR = 0.6;

/**
 * The indicator a field reports, by its label: the catalogue's label read in order inside the
 * field's (受理审批服务事项 in 受理各类审批服务事项), else the most similar one. Kinds must agree, so a
 * field's 同比增长 never takes the indicator of the count it grows from.
 */
export function indicatorOf(field: Pick<Field, "label" | "kind">, indicators: readonly TemplateIndicator[]): TemplateIndicator | undefined {
  const label = plainLabel(field.label);
  if (label === "") return undefined;
  const candidates = indicators.filter((i) => i.kind === field.kind);
  const contained = candidates
    .filter((i) => readsInOrder(plainLabel(i.label), label))
    .sort((a, b) => plainLabel(b.label).length - plainLabel(a.label).length)[0];
  if (contained !== undefined) return contained;
  const own = bigramProfile(label);
  let best: { indicator: TemplateIndicator; score: number } | undefined;
  for (const indicator of candidates) {
    const score = profileSimilarity(own, bigramProfile(plainLabel(indicator.label)), SIMILAR);
    if (score >= SIMILAR && (best === undefined || score > best.score)) best = { indicator, score };
  }
  return best?.indicator;
}

/** A label without spaces and punctuation, the form labels are compared in. */
export function plainLabel(text: string): string {
  return text.replace(/[\s、，,。；;：:（）()“”"]/gu, "");
}

/** Every character of `short` appears in `long` in the same order (words inserted between are allowed). */
function readsInOrder(short: string, long: string): boolean {
  if (short.length < 2) return false;
  let at = 0;
  for (const char of long) if (char === short[at]) at++;
  return at === short.length;
}
