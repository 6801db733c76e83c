import { createHash } from "node:crypto";
import { ReturnedWorkbook, type AnsweredRow } from "../../core/collect/returned-workbook";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { Qualifier } from "../../core/model/field";
import { InputBudget } from "../import/input-budget";
import { COLLECT_LIMITS } from "./collect-limits";
import { readSheetCells, type SheetCell, type SheetInfo } from "./read-sheet-cells";
import {
  COLUMNS,
  DATA_SHEET,
  INPUT_COLUMNS,
  LOCKED_COLUMNS,
  PHONE_LABEL,
  REQUEST_FORMAT,
  REQUEST_KEYS,
  REQUEST_ROWS_START,
  REQUEST_SHEET,
  RESPONDENT_LABEL,
  requestChecksum,
  respondentRow,
  type RequestRecord,
  type RequestRow,
} from "./request-layout";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

type Refuse = (code: "file_corrupt" | "file_invalid" | "unsupported_format" | "file_too_large", zh: string, en: string) => NianbaoError;

/**
 * Reads one returned data-request workbook, or refuses it with a NianbaoError that says what is
 * wrong in the clerk's words: not a workbook, damaged, encrypted, not one of our requests, or
 * edited outside its input cells. Formulas are never evaluated: their cached result is taken and
 * the formula kept beside it.
 */
export function readAnswerWorkbook(bytes: Uint8Array, fileName: string): ReturnedWorkbook {
  const refuse: Refuse = (code, zh, en) => new NianbaoError(code, `${fileName}：${zh}，未读取。`, `${fileName}: ${en}; not read`);
  if (bytes.length > COLLECT_LIMITS.fileBytes) {
    throw refuse(
      "file_too_large",
      `文件过大（超过 ${COLLECT_LIMITS.fileBytes / 1024 / 1024} MB），不像是一份数据征集表`,
      `larger than ${COLLECT_LIMITS.fileBytes} bytes, not a data request`,
    );
  }
  if (startsWith(bytes, CFB_SIGNATURE)) {
    throw containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")
      ? refuse(
          "unsupported_format",
          "文件设有打开密码（已加密），无法读取。请去掉密码后另存为 .xlsx 再交回",
          "the workbook is password-protected (encrypted)",
        )
      : refuse(
          "unsupported_format",
          "这是旧版 Excel 97-2003（.xls）文件。请用 Excel 或 WPS 另存为 .xlsx 后再读取",
          "an old .xls workbook; save it as .xlsx",
        );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) throw refuse("unsupported_format", "不是 Excel 工作簿（.xlsx）", "not an .xlsx workbook");
  let sheets: Map<string, SheetInfo>;
  try {
    sheets = readSheetCells(bytes, new InputBudget(fileName, { ...COLLECT_LIMITS.input }), [DATA_SHEET, REQUEST_SHEET]);
  } catch (error) {
    if (error instanceof NianbaoError && (error.code === "file_corrupt" || error.code === "file_invalid")) {
      throw new NianbaoError(
        "file_corrupt",
        `${fileName}：文件已损坏或不完整，无法作为 Excel 工作簿读取，请对方重新保存后再发送，未读取。`,
        `${fileName}: damaged or truncated, cannot be read as an .xlsx workbook (${error.message}); not read`,
        { cause: error },
      );
    }
    if (error instanceof NianbaoError && error.code === "file_too_large") {
      throw new NianbaoError("file_too_large", `${fileName}：${error.zh}`, `${fileName}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const request = readRequest(sheets.get(REQUEST_SHEET), refuse);
  const data = sheets.get(DATA_SHEET);
  if (data === undefined)
    throw refuse("file_invalid", `找不到“${DATA_SHEET}”工作表（可能被改名或删除）`, `the "${DATA_SHEET}" sheet is missing`);
  assertLockedCellsIntact(data, request, refuse);
  const rows = request.rows.map((row, i) => answeredRow(data, row, i + 2, refuse));
  const who = respondentRow(request.rows.length);
  const parsed = ReturnedWorkbook.safeParse({
    fileName,
    fileSha256: createHash("sha256").update(bytes).digest("hex"),
    requestId: request.requestId,
    reportId: request.reportId,
    reportYear: request.reportYear,
    department: request.department,
    respondent: optionalText(cellAt(data, who, COLUMNS.label.col), 100),
    phone: optionalText(cellAt(data, who + 1, COLUMNS.label.col), 50),
    rows,
  });
  if (!parsed.success) throw refuse("file_invalid", "内容超出可接受的范围（如填报人或备注过长）", "content out of bounds");
  return parsed.data;
}

function cellAt(sheet: SheetInfo, row: number, col: number): SheetCell | undefined {
  return sheet.cells.get(`${row}:${col}`);
}

function readRequest(sheet: SheetInfo | undefined, refuse: Refuse): RequestRecord {
  const notOurs = () =>
    refuse(
      "file_invalid",
      "不是年报生成的数据征集表（缺少征集信息），请使用“数据征集”发出的表格填写",
      "not a data request made by nianbao",
    );
  if (sheet === undefined) throw notOurs();
  const kv = new Map<string, string>();
  REQUEST_KEYS.forEach((key, i) => {
    if (textOf(cellAt(sheet, i + 1, 1)) === key) kv.set(key, textOf(cellAt(sheet, i + 1, 2)) ?? "");
  });
  if (kv.get("format") !== REQUEST_FORMAT) throw notOurs();
  const count = Number(kv.get("rows"));
  if (!Number.isInteger(count) || count < 0 || count > COLLECT_LIMITS.rows) throw notOurs();
  const rows: RequestRow[] = [];
  for (let i = 0; i < count; i++) {
    const r = REQUEST_ROWS_START + i;
    const [fieldId, label, sentence, lastYear, unit, kind] = [1, 2, 3, 4, 5, 6].map((c) => textOf(cellAt(sheet, r, c)) ?? "");
    rows.push({
      fieldId: fieldId ?? "",
      label: label ?? "",
      sentence: sentence ?? "",
      lastYear: lastYear ?? "",
      unit: unit ?? "",
      kind: kind ?? "",
    });
  }
  const record: RequestRecord = {
    requestId: kv.get("requestId") ?? "",
    reportId: kv.get("reportId") ?? "",
    reportYear: Number(kv.get("reportYear")),
    templateId: kv.get("templateId") ?? "",
    department: kv.get("department") ?? "",
    rows,
  };
  if (kv.get("checksum") !== requestChecksum(record)) {
    throw refuse(
      "file_invalid",
      "征集信息（隐藏的 nianbao 工作表）已被改动，无法确认这份表格对应哪次征集",
      "the hidden request sheet was edited",
    );
  }
  return record;
}

/** Every cell outside the input cells reads as the request wrote it, and nothing was added around them. */
function assertLockedCellsIntact(sheet: SheetInfo, request: RequestRecord, refuse: Refuse): void {
  const expected = new Map<string, string>();
  for (const c of Object.values(COLUMNS)) expected.set(`1:${c.col}`, c.header);
  request.rows.forEach((row, i) => {
    const values = [row.fieldId, row.label, row.sentence, row.lastYear, row.unit];
    LOCKED_COLUMNS.forEach((c, k) => expected.set(`${i + 2}:${c.col}`, values[k] ?? ""));
  });
  const who = respondentRow(request.rows.length);
  expected.set(`${who}:${COLUMNS.fieldId.col}`, RESPONDENT_LABEL);
  expected.set(`${who + 1}:${COLUMNS.fieldId.col}`, PHONE_LABEL);
  const inputs = new Set<string>([`${who}:${COLUMNS.label.col}`, `${who + 1}:${COLUMNS.label.col}`]);
  request.rows.forEach((_, i) => INPUT_COLUMNS.forEach((c) => inputs.add(`${i + 2}:${c}`)));
  const edited = (row: number, col: number, zh: string, en: string) =>
    refuse(
      "file_invalid",
      `“${DATA_SHEET}”表第 ${row} 行第 ${columnName(col)} 列${zh}；表格只能在黄色的填写单元格中修改，请对方用原表重新填写`,
      `the "${DATA_SHEET}" sheet was edited outside its input cells: ${columnName(col)}${row} ${en}`,
    );
  for (const [key, want] of expected) {
    const [row, col] = key.split(":").map(Number) as [number, number];
    const cell = cellAt(sheet, row, col);
    if (cell?.formula !== undefined) throw edited(row, col, "被改成了公式", "holds a formula");
    const got = textOf(cell) ?? "";
    if (got !== want) throw edited(row, col, `被改动（原为“${clip(want)}”，现为“${clip(got)}”）`, `was changed from "${want}" to "${got}"`);
  }
  for (const [key, cell] of sheet.cells) {
    if (expected.has(key) || inputs.has(key) || cell.text.trim() === "") continue;
    const [row, col] = key.split(":").map(Number) as [number, number];
    throw edited(row, col, "在填写区域之外填了内容", "has content outside the input cells");
  }
}

function answeredRow(sheet: SheetInfo, row: RequestRow, r: number, refuse: Refuse): AnsweredRow {
  const cell = cellAt(sheet, r, COLUMNS.answer.col);
  const bad = (zh: string, en: string) =>
    refuse(
      "file_invalid",
      `“${DATA_SHEET}”表第 ${r} 行（${row.label}）的${COLUMNS.answer.header}${zh}`,
      `row ${r} (${row.fieldId}): ${en}`,
    );
  const formula = cell?.formula === undefined ? undefined : cell.formula === "" ? "（共享公式）" : cell.formula.slice(0, 1000);
  if (formula !== undefined && (cell?.kind === "error" || cell?.text === "")) {
    throw bad(`是公式“=${formula}”且没有计算结果`, `a formula ("=${formula}") without a computed result`);
  }
  if (cell !== undefined && cell.kind !== "number" && cell.kind !== "string") throw bad("无法识别（请填写数字）", "not a number or text");
  const text = cell?.text.trim() ?? "";
  const answer = text === "" ? null : text;
  if (answer !== null && answer.length > 100) throw bad("过长（请只填写数字）", "longer than 100 characters");
  const qualifierText = textOf(cellAt(sheet, r, COLUMNS.qualifier.col))?.trim() ?? "";
  let qualifier: Qualifier | undefined;
  if (qualifierText !== "") {
    const parsed = Qualifier.safeParse(qualifierText === "无" ? "none" : qualifierText);
    if (!parsed.success) {
      throw refuse(
        "file_invalid",
        `“${DATA_SHEET}”表第 ${r} 行的${COLUMNS.qualifier.header}“${clip(qualifierText)}”无法识别（可选：超、约、余、近、累计、以上、无）`,
        `row ${r}: unknown qualifier "${qualifierText}"`,
      );
    }
    qualifier = parsed.data;
  }
  return {
    fieldId: row.fieldId,
    row: r,
    answer,
    ...(qualifier === undefined ? {} : { qualifier }),
    note: optionalText(cellAt(sheet, r, COLUMNS.note.col), 2000),
    ...(formula === undefined ? {} : { formula }),
  };
}

function textOf(cell: SheetCell | undefined): string | null {
  return cell === undefined ? null : cell.text;
}

function optionalText(cell: SheetCell | undefined, max: number): string | null {
  const text = cell?.text.trim() ?? "";
  return text === "" ? null : text.slice(0, max);
}

function columnName(col: number): string {
  return String.fromCharCode(64 + col);
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** CFB stream names are UTF-16LE: an encrypted OOXML package has EncryptionInfo and EncryptedPackage streams. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
}
