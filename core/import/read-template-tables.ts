import type { Template } from "../model/template";
import { isFieldCell, placeCells, type TemplateTable } from "../model/template-table";
import { toHalfWidth } from "../text/to-half-width";
import type { ImportNotice } from "./import-notice";

/** A row of a template table that holds numbers, as a published copy of the table is read against it. */
interface DataRow {
  /** The label next to the numbers (1.属于国家秘密), normalised; null for a table of one unlabelled row (表四). */
  label: string | null;
  text: string | null;
  fields: string[];
  /** The column headers the row's numbers stand under (本年制发件数 …), normalised. */
  columns: string[];
  /** The same headers as the format prints them, for messages. */
  columnTexts: string[];
}

interface TableShape {
  table: TemplateTable;
  rows: DataRow[];
  /** Labels that head several rows and carry no numbers in this edition ((六)其他处理). */
  groups: Map<string, string>;
}

/** What was read from one source table that stands for a template table. */
export interface ReadTable {
  table: TemplateTable;
  /** Cell values as printed (null for a blank cell), by field id. */
  values: Map<string, string | null>;
  notices: ImportNotice[];
}

/** Blank as printed: nothing, a dash or slash, 无, or a draft's 【待填】 mark. */
const BLANK = /^(?:|[/／\\—–\-－]+|无|【待填[^】]*】)$/u;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/u;

/**
 * Labels compared as a clerk would: full/half width, spaces, quotes, punctuation and the leading
 * numbering (一、 （一） 1. 1、) do not count.
 */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/gu, "")
    .replace(/^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|（[一二三四五六七八九十]{1,3}）|\d{1,2}[.、．)）])/u, "")
    .replace(/[“”"‘’'「」『』，,、。.:：;；()（）〔〕[\]【】]/gu, "");
}

/** A cell's number as printed, "" for blank, or null when it is text (not a number at all). */
function cellNumber(text: string): string | null {
  const t = toHalfWidth(text)
    .replace(/\s+/gu, "")
    .replace(/,/gu, "")
    .replace(/(?:件|万元|元|个)$/u, "");
  if (BLANK.test(t)) return "";
  return NUMBER.test(t) ? t.replace(/^\+/u, "") : null;
}

/** The rows of a template table that hold numbers, with the labels a published copy prints beside and above them. */
function shapeOf(table: TemplateTable): TableShape {
  const placed = placeCells(table.rows);
  const rows: DataRow[] = [];
  const innermost = new Set<string>();
  const texts: string[] = [];
  table.rows.forEach((row, r) => {
    const firstField = row.findIndex(isFieldCell);
    row.forEach((cell) => {
      if (!isFieldCell(cell) && !cell.header) texts.push(cell.text);
    });
    if (firstField === -1) return;
    const labelCell = row
      .slice(0, firstField)
      .reverse()
      .find((c) => !isFieldCell(c));
    const text = labelCell === undefined || isFieldCell(labelCell) ? null : labelCell.text;
    if (text !== null) innermost.add(text);
    const fields = row.filter(isFieldCell);
    const headers = fields.map((cell) => {
      const at = placed.find((p) => p.cell === cell);
      if (at === undefined) return "";
      // The nearest header above the cell's first column: the one that names it.
      const above = placed
        .filter((p) => !isFieldCell(p.cell) && p.cell.header && p.row < r && p.col <= at.col && at.col < p.col + p.cell.colspan)
        .sort((a, b) => b.row - a.row)[0];
      return above === undefined || isFieldCell(above.cell) ? "" : above.cell.text;
    });
    rows.push({
      label: text === null ? null : normalizeLabel(text),
      text,
      fields: fields.map((c) => c.field),
      columns: headers.map(normalizeLabel),
      columnTexts: [...new Set(headers.filter((h) => h !== ""))],
    });
  });
  const groups = new Map(texts.filter((t) => !innermost.has(t)).map((t) => [normalizeLabel(t), t]));
  return { table, rows, groups };
}

function sameLabel(source: string, label: string): boolean {
  if (source === label) return true;
  const [short, long] = source.length < label.length ? [source, label] : [label, source];
  return short.length >= 4 && long.includes(short);
}

interface SourceRow {
  label: string | null;
  labelText: string | null;
  values: string[];
}

function splitRow(cells: readonly string[]): SourceRow {
  let at = -1;
  cells.forEach((cell, i) => {
    if (cellNumber(cell) === null) at = i;
  });
  const labelText = at === -1 ? null : (cells[at] ?? "").trim();
  const values = cells.slice(at + 1).map((c) => cellNumber(c) ?? "");
  return { label: labelText === null ? null : normalizeLabel(labelText), labelText, values };
}

/**
 * Reads a table of a published report against the template's tables: the one whose row labels it
 * shares most, row by row by label (merged cells in Word come out as blank cells, so positions
 * cannot be trusted), each number only where the headers above it are the template's own.
 * Returns null when the table is none of the template's.
 */
export function readTemplateTable(cells: readonly (readonly string[])[], template: Template): ReadTable | null {
  const source = cells.map(splitRow);
  let best: { shape: TableShape; score: number } | null = null;
  for (const table of template.tables) {
    const shape = shapeOf(table);
    const score = source.filter(
      (row) =>
        row.label !== null && row.values.length > 0 && shape.rows.some((r) => r.label !== null && sameLabel(row.label ?? "", r.label)),
    ).length;
    const unlabelled = shape.rows.find((r) => r.label === null);
    const texts = cells.flatMap((row) => row.map(normalizeLabel)).filter((t) => t !== "");
    const bare =
      unlabelled !== undefined &&
      source.some((row) => row.label === null && row.values.length > 1) &&
      hasColumns(texts, unlabelled.columns);
    const total = score + (bare ? 1 : 0);
    if (total > 0 && (best === null || total > best.score)) best = { shape, score: total };
  }
  if (best === null) return null;
  return readRows(cells, source, best.shape, template);
}

function hasColumns(context: readonly string[], columns: readonly string[]): boolean {
  return columns.filter((c) => c !== "").every((c) => context.some((t) => t === c || t.includes(c)));
}

function readRows(cells: readonly (readonly string[])[], source: readonly SourceRow[], shape: TableShape, template: Template): ReadTable {
  const read = new Map<string, string | null>();
  const notices: ImportNotice[] = [];
  const name = shape.table.name;
  let context: string[] = [];
  let headerRun = false;
  const note = (zh: string, en: string): void => {
    notices.push({ zh: `${name}：${zh}`, en: `${shape.table.id}: ${en}` });
  };
  source.forEach((row, index) => {
    const target =
      row.label === null
        ? row.values.length > 1
          ? shape.rows.find((r) => r.label === null)
          : undefined
        : row.values.length > 0
          ? shape.rows.find((r) => r.label !== null && sameLabel(row.label ?? "", r.label))
          : undefined;
    const numbers = row.values.filter((v) => v !== "").length;
    // A header row that ends in a label like a row's (其他) and a merged cell's blank continuation.
    const headerLike = target !== undefined && numbers === 0 && row.values.length < target.fields.length;
    if (target === undefined || headerLike) {
      const group = row.label === null ? undefined : [...shape.groups].find(([g]) => sameLabel(row.label ?? "", g));
      if (group !== undefined && numbers > 0) {
        note(
          `“${group[1]}”一行填有数字，本格式中该项分为若干子项，无法拆分，未读取`,
          `"${group[1]}" holds numbers in one row, which this edition splits into sub-items; not read`,
        );
        return;
      }
      if (numbers > 0 && row.label !== null) {
        note(`未识别的行“${row.labelText ?? ""}”，未读取`, `unrecognised row "${row.labelText ?? ""}"; not read`);
        return;
      }
      // A row of labels: the headers the next data rows stand under.
      const texts = (cells[index] ?? []).map(normalizeLabel).filter((t) => t !== "");
      context = headerRun ? [...context, ...texts] : texts;
      headerRun = true;
      return;
    }
    if (target === undefined) return;
    headerRun = false;
    const label = row.labelText ?? target.text ?? "数据行";
    // Cells a plain-text copy leaves empty where Word merged the label across columns.
    const extra = row.values.length - target.fields.length;
    const values = extra > 0 && row.values.slice(0, extra).every((v) => v === "") ? row.values.slice(extra) : row.values;
    if (values.length !== target.fields.length || !hasColumns(context, target.columns)) {
      const expected = target.columnTexts.map((t) => `“${t}”`).join("");
      note(
        `“${label}”一行的栏目与本格式（${expected}）不同，未读取`,
        `the row "${label}" has other columns than this edition (${target.columnTexts.join(", ")}); not read`,
      );
      return;
    }
    target.fields.forEach((field, i) => {
      if (read.has(field)) return;
      const v = values[i] ?? "";
      read.set(field, v === "" ? null : v);
    });
  });
  const former = template.formerFormats.find((f) =>
    f.labels.some((l) => cells.some((row) => row.some((c) => normalizeLabel(c) === normalizeLabel(l)))),
  );
  if (former !== undefined) {
    const seen = former.labels.filter((l) => cells.some((row) => row.some((c) => normalizeLabel(c) === normalizeLabel(l))));
    notices.unshift({
      zh: `${name}为${former.name}（有“${seen.slice(0, 3).join("”“")}”等栏目），已按现行格式读取能对应的单元格`,
      en: `${shape.table.id} is in the ${former.name} edition; the cells that match the current format were read`,
    });
  }
  return { table: shape.table, values: read, notices };
}
