import type { DocNode, HeadingLevel, HeadingNode, InlineNode, ParagraphNode, PartNode, TableNode } from "../model/doc";
import type { PartId } from "../model/part-id";
import type { Template } from "../model/template";
import { parseChineseNumeral } from "../text/chinese-numeral";
import { bodyFormat, classifyLines, type ClassifiedItem, type Rejoin } from "./classify-lines";
import { findClosing } from "./find-closing";
import { findFields, type FoundField } from "./find-fields";
import { findFrontMatter, looksLikeOrg } from "./find-front-matter";
import type { ImportNotice } from "./import-notice";
import { matchPart } from "./match-part";
import { readTemplateTable } from "./read-template-tables";
import { tableNode } from "../model/create-report";
import type { SourceBlock } from "./source-block";
import { toSourceLines } from "./source-lines";

/** A field recognised in the text, placed in the body as a reportField atom with this id. */
export type RecognizedField = Omit<FoundField, "start" | "end" | "baseIndex"> & {
  id: string;
  /** The count a growth rate refers to. */
  baseFieldId: string | null;
};

export interface RecognizedHeading {
  level: HeadingLevel;
  text: string;
  part: PartId | null;
}

/** What recognition found in a source document: the inputs of buildImportedReport and `inspect`. */
export interface RecognizedReport {
  title: string | null;
  recipient: string | null;
  org: string | null;
  date: string | null;
  reportYear: number | null;
  docNumber: string | null;
  headings: RecognizedHeading[];
  body: DocNode;
  fields: RecognizedField[];
  /** Values read from the template's tables (null: a blank cell), by cell id; the tables are in `body`. */
  cells: Record<string, string | null>;
  notices: ImportNotice[];
}

/** Recognises title, 主送机关, 落款, headings and their statutory parts, and numeric fields. */
export function recognizeReport(blocks: readonly SourceBlock[], template: Template): RecognizedReport {
  const items = toSourceLines(blocks);
  const front = findFrontMatter(items);
  const closing = findClosing(items, front.consumed);
  const bodyItems = items.slice(front.consumed, closing.start);
  const rejoined: Rejoin[] = [];
  const classified = classifyLines(bodyItems, bodyFormat(bodyItems), rejoined);
  const levels = levelMap(classified);
  const opening = firstParagraphText(classified);
  const reportYear = findReportYear(front.title, classified, opening, closing.date ?? front.date);
  const org = closing.org ?? front.org ?? orgFromTitle(front.title) ?? orgFromSentence(opening);
  const notices: ImportNotice[] = rejoined.map(rejoinNotice);
  const built = buildBody(classified, levels, template, reportYear);
  notices.push(...built.notices);
  if (built.fields.length >= MAX_FIELDS) {
    notices.push({
      zh: `数字超过 ${MAX_FIELDS} 个，其余数字保留为普通文字。`,
      en: `more than ${MAX_FIELDS} numbers; the rest were kept as plain text`,
    });
  }
  if (built.headings.every((h) => h.level !== 1)) {
    notices.push({
      zh: "未识别出一级标题（一、二、……），全文作为开头段落导入。",
      en: "no level-1 headings (一、二、…) were recognised; the whole text was imported as opening paragraphs",
    });
  }
  return {
    title: front.title,
    recipient: front.recipient,
    org,
    date: closing.date ?? front.date,
    reportYear,
    docNumber: front.docNumber,
    headings: built.headings,
    body: built.body,
    fields: built.fields,
    cells: built.cells,
    notices,
  };
}

/** What the import summary says about two lines it read as one paragraph (text pasted from a PDF breaks mid-sentence). */
function rejoinNotice({ before, after }: Rejoin): ImportNotice {
  const tail = before.length > 12 ? `…${before.slice(-12)}` : before;
  const head = after.length > 12 ? `${after.slice(0, 12)}…` : after;
  return {
    zh: `原文在句中断行，已将“${tail}”与下一行“${head}”合为一段；如需分段，请在该处按回车。`,
    en: `a line broke mid-sentence; "${tail}" and the next line "${head}" were joined into one paragraph`,
  };
}

function levelMap(items: readonly ClassifiedItem[]): Map<number, HeadingLevel> {
  const ranks = [...new Set(items.flatMap((i) => (i.kind === "heading" || i.kind === "runIn" ? [i.rank] : [])))].sort((a, b) => a - b);
  const map = new Map<number, HeadingLevel>();
  ranks.forEach((rank, index) => map.set(rank, Math.min(4, index + 1) as HeadingLevel));
  return map;
}

function firstParagraphText(items: readonly ClassifiedItem[]): string {
  for (const item of items) {
    if (item.kind === "paragraph") return item.text;
    if (item.kind === "runIn") return item.text;
  }
  return "";
}

const YEAR = /((?:19|20)\d{2})\s{0,2}年/u;
const CN_YEAR = /([〇零一二三四五六七八九]{4})\s{0,2}年/u;

function yearIn(text: string | null): number | null {
  if (text === null) return null;
  const m = YEAR.exec(text);
  const cn = CN_YEAR.exec(text);
  if (m?.[1] !== undefined && (cn === null || m.index <= cn.index)) return Number(m[1]);
  return cn?.[1] === undefined ? null : parseChineseNumeral(cn[1]);
}

function findReportYear(title: string | null, items: readonly ClassifiedItem[], opening: string, date: string | null): number | null {
  const fromTitle = yearIn(title);
  if (fromTitle !== null) return fromTitle;
  const dateYear = date === null ? null : Number(date.slice(0, 4));
  for (const item of items) {
    if (item.kind !== "heading") continue;
    const y = yearIn(item.text);
    if (y === null) continue;
    if (/下一?年度?|下一步|计划|安排|打算/u.test(item.text) && (dateYear === null || y >= dateYear)) return y - 1;
    return y;
  }
  const fromOpening = yearIn(opening.slice(0, 60));
  if (fromOpening !== null) return fromOpening;
  if (date !== null && dateYear !== null) return Number(date.slice(5, 7)) <= 6 ? dateYear - 1 : dateYear;
  return null;
}

function orgFromTitle(title: string | null): string | null {
  if (title === null) return null;
  const patterns = [
    /^(.+?)关于/u,
    /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?(.+?)(?:法治政府|法治建设|依法行政|推进法治)/u,
    /^(.+?)(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年/u,
  ];
  for (const p of patterns) {
    const org = p.exec(title)?.[1]?.trim();
    if (org !== undefined && looksLikeOrg(org) && !/年|关于/u.test(org)) return org;
  }
  return null;
}

function orgFromSentence(text: string): string | null {
  const m =
    /(?:^|[，,。：:\s])([\p{Script=Han}]{1,24}?(?:人民政府|街道办事处|政府|局|委员会|街道|镇|乡|县|区|市))(?:党委|坚持|深入|认真|始终|全面|在|以|紧紧|围绕|按照|高度|聚焦|紧扣|持续)/u.exec(
      text,
    );
  const org = m?.[1];
  return org !== undefined && looksLikeOrg(org) ? org.replace(/^(?:\d{4}年|今年|全年|年内)/u, "") : null;
}

interface BuiltBody {
  body: DocNode;
  headings: RecognizedHeading[];
  fields: RecognizedField[];
  cells: Record<string, string | null>;
  notices: ImportNotice[];
}

function buildBody(
  items: readonly ClassifiedItem[],
  levels: Map<number, HeadingLevel>,
  template: Template,
  reportYear: number | null,
): BuiltBody {
  const opening: (ParagraphNode | TableNode)[] = [];
  const parts: PartNode[] = [];
  const headings: RecognizedHeading[] = [];
  const fields: RecognizedField[] = [];
  const state: { part: PartNode | null } = { part: null };
  const add = (node: ParagraphNode | HeadingNode | TableNode): void => {
    if (state.part === null) {
      if (node.type === "heading") opening.push(paragraph(node.content ?? []));
      else opening.push(node);
    } else state.part.content.push(node);
  };
  const inline = (text: string, rowLabel?: string): InlineNode[] => inlineWithFields(text, fields, rowLabel);
  const cells: Record<string, string | null> = {};
  const notices: ImportNotice[] = [];
  const placed = new Set<string>();
  for (const item of items) {
    const read = item.kind === "table" && template.tables.length > 0 ? readTemplateTable(item.rows, template) : null;
    if (read !== null) {
      // The template's own grid replaces the copy (a published table split in parts reads into one).
      if (!placed.has(read.table.id)) add(tableNode(read.table));
      placed.add(read.table.id);
      for (const [id, value] of read.values) if (!(id in cells)) cells[id] = value;
      notices.push(...read.notices);
      continue;
    }
    if (item.kind === "table") {
      const rows = item.rows.map((row) => ({
        type: "tableRow" as const,
        content: row.map((cell, i) => ({
          type: "tableCell" as const,
          attrs: { colspan: 1, rowspan: 1, colwidth: null },
          content: [paragraph(inline(cell, i > 0 ? row[0] : undefined))],
        })),
      }));
      if (rows.every((r) => r.content.length > 0)) add({ type: "table", content: rows });
      continue;
    }
    if (item.kind === "paragraph") {
      add(paragraph(inline(item.text)));
      continue;
    }
    const level = levels.get(item.rank) ?? 1;
    const headingText = item.kind === "heading" ? item.text : item.heading;
    const part: PartId | null = level === 1 ? matchPart(headingText, template, reportYear) : (state.part?.attrs.partId ?? null);
    if (level === 1) {
      state.part = { type: "part", attrs: { partId: part }, content: [heading(1, headingText)] };
      parts.push(state.part);
      headings.push({ level, text: headingText, part });
      if (item.kind === "runIn") add(paragraph(inline(item.text.slice(item.leadLength).trim())));
      continue;
    }
    if (state.part !== null) headings.push({ level, text: headingText, part });
    if (item.kind === "heading") {
      add(heading(level, item.text));
    } else {
      const lead = item.text.slice(0, item.leadLength);
      const mark = { type: "runInHeading" as const, attrs: { level: level as 2 | 3 | 4 } };
      add(paragraph([{ type: "text", text: lead, marks: [mark] }, ...inline(item.text.slice(item.leadLength))]));
    }
  }
  if (template.tables.length > 0) notices.push(...placeMissingTables(template, parts, placed));
  return { body: { type: "doc", content: [...opening, ...parts] }, headings, fields, cells, notices };
}

/**
 * A template table the file does not hold (published as an image, or lost in a copy) is put
 * after its part's heading, empty, so next year's report has every table to fill.
 */
function placeMissingTables(template: Template, parts: PartNode[], placed: ReadonlySet<string>): ImportNotice[] {
  const notices: ImportNotice[] = [];
  for (const table of template.tables) {
    if (placed.has(table.id)) continue;
    const part = parts.find((p) => p.attrs.partId === table.part);
    if (part === undefined) continue;
    part.content.splice(1, 0, tableNode(table));
    notices.push({
      zh: `文件中未找到${table.name}（可能是图片），已插入空表，请填写。`,
      en: `${table.id} was not found in the file (an image?); an empty table was inserted`,
    });
  }
  return notices;
}

/** Far beyond a real report (the seed has 21); past it numbers stay text rather than bloat the file. */
export const MAX_FIELDS = 2000;

/** A number alone in a table cell is named by its row's first cell (法律咨询 | 1320人次). */
function inlineWithFields(text: string, fields: RecognizedField[], rowLabel?: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  const found = fields.length >= MAX_FIELDS ? [] : findFields(text).slice(0, MAX_FIELDS - fields.length);
  const ids: string[] = [];
  let at = 0;
  for (const f of found) {
    const before = text.slice(at, f.start);
    if (before !== "") nodes.push({ type: "text", text: before });
    const id = `f${fields.length + 1}`;
    ids.push(id);
    const field = toRecognized(f, id, f.baseIndex === null ? null : (ids[f.baseIndex] ?? null));
    if (rowLabel !== undefined && rowLabel.trim() !== "" && f.text === text.slice(f.start, f.end).trim())
      field.label = rowLabel.trim().slice(0, 40);
    fields.push(field);
    nodes.push({ type: "reportField", attrs: { fieldId: id, show: "value" } });
    at = f.end;
  }
  const rest = text.slice(at);
  if (rest !== "") nodes.push({ type: "text", text: rest });
  return nodes;
}

function toRecognized(f: FoundField, id: string, baseFieldId: string | null): RecognizedField {
  const { start: _start, end: _end, baseIndex: _baseIndex, ...rest } = f;
  return { ...rest, id, baseFieldId };
}

function paragraph(content: InlineNode[]): ParagraphNode {
  return content.length === 0
    ? { type: "paragraph", attrs: { carried: false } }
    : { type: "paragraph", attrs: { carried: false }, content };
}

function heading(level: HeadingLevel, text: string): HeadingNode {
  return { type: "heading", attrs: { level, carried: false }, content: [{ type: "text", text }] };
}
