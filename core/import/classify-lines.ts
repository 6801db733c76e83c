import { importedHeadingNumber, readLead } from "../text/heading-numbering";
import type { SourceItem, SourceLine } from "./source-lines";

/** A body item after rejoining and heading classification; ranks are compressed to levels later. */
export type ClassifiedItem =
  | { kind: "heading"; rank: number; text: string }
  | { kind: "runIn"; rank: number; text: string; /** characters of the lead, delimiter included */ leadLength: number; heading: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; rows: string[][] };

const SENTENCE_PUNCT = /[。！？；!?;]/u;
/** Punctuation that may end a paragraph; a closing quote counts only after one of these. */
const CLOSING = /(?:[。！？；：…!?;:]|[。！？!?][”’"』」）)])$/u;
const RUN_IN_DELIMITER = /[。：！？:!?]/u;
const MAX_RUN_IN_HEAD = 45;
const HEI = /黑体|SimHei|方正黑|微软雅黑|Microsoft YaHei|思源黑|Source Han Sans|Noto Sans CJK/iu;
const KAI = /楷|Kai/iu;

/** Two source lines read as one paragraph because the first stops mid-sentence; the import summary lists them. */
export interface Rejoin {
  before: string;
  after: string;
}

export interface BodyFormat {
  font: string | null;
  bold: boolean;
}

/** The body text's font and weight: what most of the long paragraphs use. */
export function bodyFormat(items: readonly SourceItem[]): BodyFormat {
  const fonts = new Map<string, number>();
  let bold = 0;
  let total = 0;
  for (const item of items) {
    if (item.type !== "line" || item.text.length < 40) continue;
    total += item.text.length;
    if (item.bold) bold += item.text.length;
    if (item.font !== null) fonts.set(item.font, (fonts.get(item.font) ?? 0) + item.text.length);
  }
  let font: string | null = null;
  let best = 0;
  for (const [f, n] of fonts) if (n > best) [font, best] = [f, n];
  return { font, bold: total > 0 && bold / total > 0.5 };
}

/**
 * Classifies each line as a heading (by numbering first, then Word outline level, style, font or
 * Markdown depth), a run-in heading or body text, and rejoins paragraphs broken mid-sentence.
 */
export function classifyLines(items: readonly SourceItem[], body: BodyFormat, rejoined: Rejoin[] = []): ClassifiedItem[] {
  const mdDepths = items.flatMap((i) =>
    i.type === "line" && i.markdownLevel !== null && importedHeadingNumber(i.text) === null ? [i.markdownLevel] : [],
  );
  const minDepth = mdDepths.length > 0 ? Math.min(...mdDepths) : 1;
  const out: ClassifiedItem[] = [];
  for (const item of items) {
    if (item.type === "table") {
      out.push({ kind: "table", rows: item.rows });
      continue;
    }
    const classified = classifyLine(item, body, minDepth);
    const previous = out[out.length - 1];
    const continues = classified.kind === "paragraph" && importedHeadingNumber(classified.text) === null;
    if (continues && previous !== undefined && (previous.kind === "paragraph" || previous.kind === "runIn") && isBroken(previous.text)) {
      rejoined.push({ before: previous.text, after: classified.text });
      previous.text += classified.text;
      continue;
    }
    out.push(classified);
  }
  return out;
}

/** A paragraph that stops mid-sentence: long enough not to be a bare caption, no closing punctuation. */
function isBroken(text: string): boolean {
  return !CLOSING.test(text) && (text.length > 30 || SENTENCE_PUNCT.test(text));
}

function classifyLine(line: SourceLine, body: BodyFormat, minMarkdownDepth: number): ClassifiedItem {
  const text = line.text;
  const numbering = importedHeadingNumber(text);
  if (numbering !== null) {
    const rank = numbering.level;
    const rest = text.slice(numbering.length);
    const d = rest.search(RUN_IN_DELIMITER);
    const hasMore = d >= 0 && rest.slice(d + 1).trim().length > 0;
    // 一、 and （一） lines are headings in 公文 even with a full stop; 1. and （1） lines often are list items.
    const sentenceLimit = rank <= 2 ? 40 : 26;
    const sentence = /[。！？!?]$/u.test(rest) && (rest.length > sentenceLimit || (rank > 2 && /[，,]/u.test(rest)));
    if (!hasMore && !sentence && rest.length > 0 && rest.length <= 80 && !/[；;]/u.test(rest)) return { kind: "heading", rank, text };
    // 一、 lines get a longer lead: in scraped text the heading runs straight into its first sentence.
    if (hasMore && d > 0 && d <= (rank === 1 ? 2 * MAX_RUN_IN_HEAD : MAX_RUN_IN_HEAD)) {
      return { kind: "runIn", rank, text, leadLength: numbering.length + d + 1, heading: text.slice(0, numbering.length + d) };
    }
    return { kind: "paragraph", text };
  }
  const lead = readLead(text);
  if (lead !== null && text.length <= 30 && !SENTENCE_PUNCT.test(text.slice(0, -1))) {
    return { kind: "heading", rank: 2.5, text };
  }
  const short = text.length <= 40 && !SENTENCE_PUNCT.test(text) && !/[，,：:]$/u.test(text);
  if (!short) return { kind: "paragraph", text };
  const rank = formatRank(line, body, minMarkdownDepth);
  return rank === null ? { kind: "paragraph", text } : { kind: "heading", rank, text };
}

function formatRank(line: SourceLine, body: BodyFormat, minMarkdownDepth: number): number | null {
  if (line.outlineLevel !== null && line.outlineLevel <= 3) return line.outlineLevel + 1;
  const styled = /^(?:heading|标题)\s*(\d)$/iu.exec(line.styleName ?? "");
  if (styled?.[1] !== undefined) return Math.min(4, Number(styled[1]));
  if (line.font !== null && line.font !== body.font) {
    if (HEI.test(line.font) && !(body.font !== null && HEI.test(body.font))) return 1;
    if (KAI.test(line.font) && !(body.font !== null && KAI.test(body.font))) return 2;
  }
  if (line.bold && !body.bold && line.font !== null) return 3;
  if (line.markdownLevel !== null) return Math.min(4, line.markdownLevel - minMarkdownDepth + 1);
  return null;
}
