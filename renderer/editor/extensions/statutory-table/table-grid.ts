/** One cell of a statutory table as the body holds it: a column header, a row label or a number. */
export interface GridCellInput {
  kind: "header" | "label" | "field";
  text: string;
  fieldId: string | null;
  colspan: number;
  rowspan: number;
}

export interface GridCell extends GridCellInput {
  /** The cell's top-left slot. */
  row: number;
  col: number;
}

export interface TableGrid {
  rows: GridCell[][];
  /** slots[row][col]: the cell covering that slot (merged cells cover several). */
  slots: (GridCell | undefined)[][];
  width: number;
  height: number;
  /** The number cells in reading order (row by row, left to right). */
  fields: GridCell[];
}

export type Direction = "up" | "down" | "left" | "right";

/**
 * The table's slots, filled the way HTML lays out colspan/rowspan. Written by hand: the same slot
 * filling as core/model/template-table.ts gridProblem, on cells that also carry their text.
 */
export function tableGrid(input: readonly (readonly GridCellInput[])[]): TableGrid {
  const slots: (GridCell | undefined)[][] = input.map(() => []);
  const rows: GridCell[][] = [];
  input.forEach((row, r) => {
    let c = 0;
    const placed: GridCell[] = [];
    for (const cellInput of row) {
      while (slots[r]?.[c] !== undefined) c++;
      const cell: GridCell = { ...cellInput, row: r, col: c };
      placed.push(cell);
      for (let dr = 0; dr < cell.rowspan; dr++) {
        const slotRow = slots[r + dr];
        if (slotRow === undefined) break;
        for (let dc = 0; dc < cell.colspan; dc++) slotRow[c + dc] = cell;
      }
      c += cell.colspan;
    }
    rows.push(placed);
  });
  const width = Math.max(0, ...slots.map((row) => row.length));
  return { rows, slots, width, height: input.length, fields: rows.flat().filter((cell) => cell.kind === "field") };
}

const at = (grid: TableGrid, row: number, col: number): GridCell | undefined => grid.slots[row]?.[col];

/**
 * What a screen reader says for a number cell: its row label (every label to its left, merged
 * ones included: 三、本年度办理结果 （三）不予公开 1.属于国家秘密) and its column header (the
 * header cells above it, up to the first row that is not a header: 申请人情况 自然人).
 */
export function cellLabel(grid: TableGrid, cell: GridCell): string {
  const rowParts: string[] = [];
  for (let c = 0; c < cell.col; c++) {
    const left = at(grid, cell.row, c);
    if (left !== undefined && left.kind !== "field" && !rowParts.includes(left.text)) rowParts.push(left.text);
  }
  const colParts: string[] = [];
  let seenHeader = false;
  for (let r = cell.row - 1; r >= 0; r--) {
    const above = at(grid, r, cell.col);
    if (above?.kind === "header") {
      if (!colParts.includes(above.text)) colParts.unshift(above.text);
      seenHeader = true;
    } else if (seenHeader) break;
  }
  return [...rowParts, ...colParts].join(" ");
}

/**
 * The number cell next to `from` in a direction, passing over labels, headers and cells `skip`
 * rejects (totals, when filling); null at the edge of the table.
 */
export function neighbour(
  grid: TableGrid,
  from: GridCell,
  direction: Direction,
  skip: (cell: GridCell) => boolean = () => false,
): GridCell | null {
  const ok = (cell: GridCell | undefined): cell is GridCell => cell !== undefined && cell !== from && cell.kind === "field" && !skip(cell);
  if (direction === "down")
    for (let r = from.row + from.rowspan; r < grid.height; r++) {
      const cell = at(grid, r, from.col);
      if (ok(cell)) return cell;
    }
  if (direction === "up")
    for (let r = from.row - 1; r >= 0; r--) {
      const cell = at(grid, r, from.col);
      if (ok(cell)) return cell;
    }
  if (direction === "right")
    for (let c = from.col + from.colspan; c < grid.width; c++) {
      const cell = at(grid, from.row, c);
      if (ok(cell)) return cell;
    }
  if (direction === "left")
    for (let c = from.col - 1; c >= 0; c--) {
      const cell = at(grid, from.row, c);
      if (ok(cell)) return cell;
    }
  return null;
}

/** Tab and Shift+Tab: the next number cell in reading order, wrapping to the next row. */
export function inReadingOrder(
  grid: TableGrid,
  from: GridCell,
  step: 1 | -1,
  skip: (cell: GridCell) => boolean = () => false,
): GridCell | null {
  for (let i = grid.fields.indexOf(from) + step; i >= 0 && i < grid.fields.length; i += step) {
    const cell = grid.fields[i];
    if (cell !== undefined && !skip(cell)) return cell;
  }
  return null;
}

/**
 * A block copied from Excel or WPS: rows by line, cells by tab (the text/plain those programs put
 * on the clipboard). The final line break a spreadsheet adds is not an empty row.
 */
export function clipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  return lines.map((line) => line.split("\t").map((value) => value.trim()));
}

/** True when pasted text is a block of cells rather than one value. */
export const isBlock = (text: string): boolean => /[\t\n\r]/.test(text.replace(/(\r\n|\r|\n)$/, ""));

export type PastePlan = { ok: true; targets: { cell: GridCell; text: string }[] } | { ok: false; problem: string };

/**
 * Where each value of a block goes, as a spreadsheet pastes it: from `from` to the right and down
 * over the number cells (labels and headers are not columns of the block). Refused as a whole
 * when the block runs past the table, so nothing is half pasted.
 */
export function pastePlan(grid: TableGrid, from: GridCell, block: readonly (readonly string[])[]): PastePlan {
  const width = Math.max(0, ...block.map((row) => row.length));
  const targets: { cell: GridCell; text: string }[] = [];
  let rowStart: GridCell | null = from;
  for (let i = 0; i < block.length; i++) {
    if (rowStart === null) return tooBig(grid, from, block.length, width);
    let cell: GridCell | null = rowStart;
    const values = block[i] ?? [];
    for (let j = 0; j < values.length; j++) {
      if (cell === null) return tooBig(grid, from, block.length, width);
      targets.push({ cell, text: values[j] ?? "" });
      if (j + 1 < values.length) cell = neighbour(grid, cell, "right");
    }
    rowStart = i + 1 < block.length ? neighbour(grid, rowStart, "down") : null;
  }
  return { ok: true, targets };
}

function tooBig(grid: TableGrid, from: GridCell, rows: number, cols: number): PastePlan {
  let roomDown = 1;
  for (let cell = neighbour(grid, from, "down"); cell !== null; cell = neighbour(grid, cell, "down")) roomDown++;
  let roomRight = 1;
  for (let cell = neighbour(grid, from, "right"); cell !== null; cell = neighbour(grid, cell, "right")) roomRight++;
  return {
    ok: false,
    problem: `粘贴的内容有 ${rows} 行 ${cols} 列，从所选单元格起表格只有 ${roomDown} 行 ${roomRight} 列，未粘贴。请选择左上角的单元格后再粘贴。`,
  };
}
