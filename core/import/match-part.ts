import type { PartId } from "../model/part-id";
import type { Template } from "../model/template";
import { stripHeadingNumbering } from "../text/heading-numbering";

/*
 * Keyword evidence per part, tried after the template's own variants. Order matters: a heading
 * that names both the shortcomings and next year's plans ("存在的问题和下一步打算") belongs with
 * the shortcomings, and one about the leaders' duty mentions 法治政府建设 like every other.
 */
const KEYWORDS: readonly [PartId, RegExp][] = [
  ["duty", /第一责任人|主要负责人|主要负责同志|主要领导|负责人履行|履行.{0,12}职责|履职情况/u],
  ["shortcomings", /不足|问题|差距|短板|薄弱|困难|原因/u],
  ["nextYear", /下一年|下一步|下步|下阶段|明年|来年|今后|打算|安排|计划|思路|展望|努力方向/u],
  ["other", /^其他|^其它/u],
  [
    "measures",
    /^(加强|坚持|推进|深化|强化|完善|健全|提升|优化|规范|建立|落实|抓好|注重|全面|持续|着力|聚焦|严格|创新|夯实|构建|打造|做好|扎实|积极|依法|不断|切实)|举措|成效|做法|开展情况|主要工作|基本情况|工作情况|成绩|措施|推进|落实|履行|职能|决策|执法|监督|纠纷|矛盾|保障|普法|宣传|依法行政|制度建设|放管服|营商环境|政务公开|政务服务|法治/u,
  ],
];

/** Text without numbering, years and 本/上/下一年度 markers, so "2023年…主要举措和成效" matches its variant. */
export function normalizeHeading(text: string): string {
  return stripHeadingNumbering(text)
    .replace(/(?:19|20)\d{2}\s*年度?/gu, "")
    .replace(/[〇零一二三四五六七八九]{4}年度?/gu, "")
    .replace(/^(本|上一?|今)年度?/u, "")
    .replace(/[\s，,、。：:；;“”"（）()]/gu, "");
}

/**
 * The statutory part a level-1 heading stands for, by the template's variants first (longest
 * match wins), then by keywords. Returns null for a heading that names none of them.
 */
export function matchPart(heading: string, template: Template, reportYear: number | null): PartId | null {
  const text = normalizeHeading(heading);
  if (text.length === 0) return null;
  let best: { part: PartId; length: number } | null = null;
  for (const part of template.parts) {
    for (const variant of [part.heading, ...part.variants]) {
      const v = normalizeHeading(variant.replaceAll("{year}", "").replaceAll("{nextYear}", ""));
      if (v.length < 4) continue;
      if ((text.includes(v) || (v.includes(text) && text.length >= 6)) && (best === null || v.length > best.length)) {
        best = { part: part.id, length: v.length };
      }
    }
  }
  if (best !== null && !(best.part === "measures" && KEYWORDS[0]?.[1].test(text))) return best.part;
  if (reportYear !== null && new RegExp(`${reportYear + 1}\\s*年`, "u").test(heading)) return "nextYear";
  for (const [part, pattern] of KEYWORDS) if (pattern.test(text)) return part;
  return null;
}
