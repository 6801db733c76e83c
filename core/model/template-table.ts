import { z } from "zod";
import { FieldId, FieldKind } from "./field";
import { PartId } from "./part-id";

const Span = z.number().int().min(1).max(64);

/** A cell that shows fixed text: a header or a row label, exactly as the statutory format prints it. */
export const TemplateTextCell = z
  .object({
    text: z.string().min(1).max(200),
    /** A column header (repeated across pages with the header rows), as opposed to a row label. */
    header: z.boolean().default(false),
    colspan: Span.default(1),
    rowspan: Span.default(1),
  })
  .strict();
export type TemplateTextCell = z.infer<typeof TemplateTextCell>;

/** A cell that holds a number: a field of the report, with its own id, label and rules of input. */
export const TemplateFieldCell = z
  .object({
    field: FieldId,
    /** What the cell means out of the table (本年新收政府信息公开申请数量（自然人）). */
    label: z.string().min(1).max(200),
    kind: FieldKind.extract(["count", "amount"]).default("count"),
    /** Overrides the table's unit (万元 for a fee in a table of 件). */
    unit: z.string().min(1).max(20).optional(),
    /** Decimal places a typed value may have; 0 (whole numbers) unless said. */
    maxDecimals: z.number().int().min(0).max(4).default(0),
    /** A derived cell (总计): the sum of these cells, computed and never typed. */
    sumOf: z.array(FieldId).min(1).max(100).optional(),
    colspan: Span.default(1),
    rowspan: Span.default(1),
  })
  .strict();
export type TemplateFieldCell = z.infer<typeof TemplateFieldCell>;

export const TemplateCell = z.union([TemplateTextCell, TemplateFieldCell]);
export type TemplateCell = z.infer<typeof TemplateCell>;

export function isFieldCell(cell: TemplateCell): cell is TemplateFieldCell {
  return "field" in cell;
}

/**
 * A fixed table of a statutory format, as a grid of rows (merged cells by colspan/rowspan, as in
 * HTML): every numeric cell is a report field, so last year's value, 同比, confirmation and
 * provenance apply to it like to any number in the text.
 */
export const TemplateTable = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    /** The part the table belongs to; it follows the part's heading. */
    part: PartId,
    /** How findings name the table (表三 收到和处理政府信息公开申请情况). */
    name: z.string().min(1).max(100),
    /** Leading rows that are column headers, repeated on every page the table runs onto. */
    headerRows: z.number().int().min(0).max(10).default(0),
    /** The unit of its numbers (not printed: the format leaves it implied). */
    unit: z.string().min(1).max(20).nullable().default(null),
    rows: z.array(z.array(TemplateCell).min(1)).min(1).max(200),
    /** Relative column widths (wide label columns, narrow number columns); equal when absent. */
    columnWeights: z.array(z.number().positive().max(100)).max(64).optional(),
  })
  .strict()
  .superRefine((table, ctx) => {
    const problem = gridProblem(table.rows);
    if (problem !== null) ctx.addIssue({ code: "custom", path: ["rows"], message: problem });
    const width = table.rows[0]?.reduce((n, cell) => n + cell.colspan, 0) ?? 0;
    if (problem === null && table.columnWeights !== undefined && table.columnWeights.length !== width) {
      ctx.addIssue({
        code: "custom",
        path: ["columnWeights"],
        message: `列宽须有 ${width} 项，现有 ${table.columnWeights.length} 项 (one weight per column)`,
      });
    }
  });
export type TemplateTable = z.infer<typeof TemplateTable>;

/**
 * Why the merged cells do not make a rectangular grid (the row whose width differs, or a rowspan
 * that runs past the end), or null. Written by hand: it is the HTML table model's slot filling.
 */
export function gridProblem(rows: readonly (readonly { colspan: number; rowspan: number }[])[]): string | null {
  const taken: boolean[][] = rows.map(() => []);
  let width: number | null = null;
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const cell of rows[r] ?? []) {
      while (taken[r]?.[c] === true) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const row = taken[r + dr];
        if (row === undefined) return `第 ${r + 1} 行的单元格跨行超出表格 (rowspan past the last row)`;
        for (let dc = 0; dc < cell.colspan; dc++) {
          if (row[c + dc] === true) return `第 ${r + 1} 行的合并单元格重叠 (overlapping cells in row ${r + 1})`;
          row[c + dc] = true;
        }
      }
      c += cell.colspan;
    }
    const rowWidth = taken[r]?.length ?? 0;
    if (width === null) width = rowWidth;
    else if (rowWidth !== width || (taken[r] ?? []).some((t) => t !== true))
      return `第 ${r + 1} 行宽 ${rowWidth} 列，与第 1 行的 ${width} 列不一致 (row ${r + 1} is ${rowWidth} columns wide, row 1 ${width})`;
  }
  return null;
}

/** Every field cell of the tables, in reading order. */
export function tableFieldCells(tables: readonly TemplateTable[]): { table: TemplateTable; cell: TemplateFieldCell }[] {
  return tables.flatMap((table) => table.rows.flatMap((row) => row.filter(isFieldCell).map((cell) => ({ table, cell }))));
}

/** Each cell with the grid slot (row, column) its top-left corner takes, merged cells counted as in HTML. */
export function placeCells<C extends { colspan: number; rowspan: number }>(
  rows: readonly (readonly C[])[],
): { cell: C; row: number; col: number }[] {
  const taken: boolean[][] = rows.map(() => []);
  const placed: { cell: C; row: number; col: number }[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]?.[c] === true) c++;
      placed.push({ cell, row: r, col: c });
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      c += cell.colspan;
    }
  });
  return placed;
}
