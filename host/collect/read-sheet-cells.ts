import { Decimal } from "decimal.js";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { openBoundedZip } from "../import/bounded-zip";
import type { InputBudget } from "../import/input-budget";
import { parseXml } from "../import/parse-xml";

/** One cell as stored: its value as text (numbers in plain decimal form) and, for a formula, the formula. */
export interface SheetCell {
  kind: "string" | "number" | "boolean" | "error";
  text: string;
  /** The formula without "=", as written in the cell; "" for a cell that shares another's formula. */
  formula?: string;
}

export interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Cells with content, keyed "row:col" (1-based). */
  cells: Map<string, SheetCell>;
}

/**
 * The cells of the named sheets of an .xlsx, read by hand with fflate and saxes. Written here
 * rather than with exceljs (which writes our workbooks): exceljs builds the whole workbook model,
 * styles and all, and took ~60 ms per small workbook, beyond the 2 s budget for reading 50 of
 * them; this reads the three parts needed. Formulas are never evaluated: a formula cell's value is
 * the result the spreadsheet program stored.
 */
export function readSheetCells(bytes: Uint8Array, budget: InputBudget, names: readonly string[]): Map<string, SheetInfo> {
  const zip = openBoundedZip(bytes, budget);
  const xml = (part: string): string | undefined => {
    const data = zip.read(part);
    return data === undefined ? undefined : new TextDecoder("utf-8").decode(data);
  };
  const workbook = xml("xl/workbook.xml");
  if (workbook === undefined) throw new NianbaoError("file_invalid", "不是 Excel 工作簿（缺少 xl/workbook.xml）", "no xl/workbook.xml");
  const sheets: { name: string; state: SheetInfo["state"]; rid: string }[] = [];
  parseXml(
    workbook,
    "xl/workbook.xml",
    {
      open: (name, attrs) => {
        if (local(name) !== "sheet") return;
        const rid = Object.entries(attrs).find(([k]) => k === "id" || k.endsWith(":id"))?.[1] ?? "";
        const state = attrs["state"] === "hidden" || attrs["state"] === "veryHidden" ? attrs["state"] : "visible";
        sheets.push({ name: attrs["name"] ?? "", state, rid });
      },
      close: () => undefined,
      text: () => undefined,
    },
    budget,
  );
  const rels = relationships(xml("xl/_rels/workbook.xml.rels"), budget);
  const sharedPart = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const shared = sharedStrings(xml(sharedPart), budget);
  const out = new Map<string, SheetInfo>();
  for (const sheet of sheets) {
    if (!names.includes(sheet.name)) continue;
    const target = rels.get(sheet.rid)?.target;
    const part = target === undefined ? undefined : xml(target);
    if (part === undefined) throw new NianbaoError("file_corrupt", `工作表“${sheet.name}”缺失`, `sheet ${sheet.name} is missing`);
    out.set(sheet.name, { name: sheet.name, state: sheet.state, cells: sheetCells(part, target ?? "", shared, budget) });
  }
  return out;
}

function local(name: string): string {
  const at = name.indexOf(":");
  return at < 0 ? name : name.slice(at + 1);
}

function relationships(xml: string | undefined, budget: InputBudget): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  if (xml === undefined) return out;
  parseXml(
    xml,
    "xl/_rels/workbook.xml.rels",
    {
      open: (name, attrs) => {
        if (local(name) !== "Relationship") return;
        const target = attrs["Target"] ?? "";
        // openpyxl writes absolute targets (/xl/worksheets/sheet1.xml), Excel relative ones.
        out.set(attrs["Id"] ?? "", { target: target.startsWith("/") ? target.slice(1) : `xl/${target}`, type: attrs["Type"] ?? "" });
      },
      close: () => undefined,
      text: () => undefined,
    },
    budget,
  );
  return out;
}

function sharedStrings(xml: string | undefined, budget: InputBudget): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let current: string | null = null;
  let inText = false;
  // Phonetic runs (<rPh>) are reading aids, not part of the string.
  let inPhonetic = false;
  parseXml(
    xml,
    "xl/sharedStrings.xml",
    {
      open: (name) => {
        const n = local(name);
        if (n === "si") current = "";
        else if (n === "rPh") inPhonetic = true;
        else if (n === "t") inText = true;
      },
      close: (name) => {
        const n = local(name);
        if (n === "si") {
          out.push(current ?? "");
          current = null;
        } else if (n === "rPh") inPhonetic = false;
        else if (n === "t") inText = false;
      },
      text: (t) => {
        if (inText && !inPhonetic && current !== null) current += t;
      },
    },
    budget,
  );
  return out;
}

function sheetCells(xml: string, part: string, shared: readonly string[], budget: InputBudget): Map<string, SheetCell> {
  const cells = new Map<string, SheetCell>();
  let row = 0;
  let col = 0;
  let cell: { type: string; value: string; formula: string | undefined; inline: string } | null = null;
  let reading: "v" | "f" | "t" | null = null;
  parseXml(
    xml,
    part,
    {
      open: (name, attrs) => {
        const n = local(name);
        if (n === "row") {
          row = attrs["r"] === undefined ? row + 1 : Number(attrs["r"]);
          col = 0;
        } else if (n === "c") {
          const at = attrs["r"] === undefined ? null : reference(attrs["r"]);
          if (at !== null) [row, col] = at;
          else col++;
          cell = { type: attrs["t"] ?? "n", value: "", formula: undefined, inline: "" };
        } else if (cell !== null && (n === "v" || n === "t")) reading = n;
        else if (cell !== null && n === "f") {
          cell.formula = "";
          reading = "f";
        }
      },
      close: (name) => {
        const n = local(name);
        if (n === "v" || n === "f" || n === "t") reading = null;
        else if (n === "c" && cell !== null) {
          const parsed = cellOf(cell, shared);
          if (parsed !== null) cells.set(`${row}:${col}`, parsed);
          cell = null;
        }
      },
      text: (t) => {
        if (cell === null || reading === null) return;
        if (reading === "v") cell.value += t;
        else if (reading === "f") cell.formula = (cell.formula ?? "") + t;
        else cell.inline += t;
      },
    },
    budget,
  );
  return cells;
}

function cellOf(
  c: { type: string; value: string; formula: string | undefined; inline: string },
  shared: readonly string[],
): SheetCell | null {
  const formula = c.formula === undefined ? {} : { formula: c.formula };
  switch (c.type) {
    case "s": {
      const text = shared[Number(c.value)];
      return text === undefined ? null : { kind: "string", text, ...formula };
    }
    case "inlineStr":
      return { kind: "string", text: c.inline, ...formula };
    case "str":
      return { kind: "string", text: c.value, ...formula };
    case "b":
      return { kind: "boolean", text: c.value === "1" ? "TRUE" : "FALSE", ...formula };
    case "e":
      return { kind: "error", text: c.value, ...formula };
    default: {
      if (c.value === "") return c.formula === undefined ? null : { kind: "error", text: "", ...formula };
      return { kind: "number", text: plainNumber(c.value), ...formula };
    }
  }
}

/** 612, 0.30000000000000004 → 0.3: the number as a person typed it, without binary noise. */
function plainNumber(value: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  return new Decimal(n.toPrecision(15)).toFixed();
}

/** "B12" → [12, 2]. */
function reference(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/u.exec(ref);
  if (m === null) return null;
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}
