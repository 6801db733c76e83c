import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { Decimal } from "decimal.js";
import { ReturnedWorkbook, type AnsweredRow } from "../../core/collect/returned-workbook";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { Qualifier } from "../../core/model/field";
import { checkZipBudget } from "../import/bounded-zip";
import { InputBudget } from "../import/input-budget";
import { COLLECT_LIMITS } from "./collect-limits";
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

/**
 * Reads one returned data-request workbook, or refuses it with a NianbaoError that says what is
 * wrong in the clerk's words: not a workbook, damaged, encrypted, not one of our requests, or
 * edited outside its input cells. Formulas are never evaluated: their cached result is taken and
 * the formula kept beside it.
 */
export async function readAnswerWorkbook(bytes: Uint8Array, fileName: string): Promise<ReturnedWorkbook> {
  const refuse = (code: "file_corrupt" | "file_invalid" | "unsupported_format" | "file_too_large", zh: string, en: string) =>
    new NianbaoError(code, `${fileName}：${zh}，未读取。`, `${fileName}: ${en}; not read`);
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
  try {
    checkZipBudget(bytes, new InputBudget(fileName, { ...COLLECT_LIMITS.input }));
  } catch (error) {
    if (error instanceof NianbaoError && error.code === "file_corrupt") {
      throw refuse(
        "file_corrupt",
        "文件已损坏或不完整（压缩包无法读取），请对方重新保存后再发送",
        "damaged or truncated (the zip package cannot be read)",
      );
    }
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own ArrayBuffer-shaped Buffer; a copy of exactly the file's bytes is one.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    throw new NianbaoError(
      "file_corrupt",
      `${fileName}：文件已损坏，无法作为 Excel 工作簿读取，未读取。`,
      `${fileName}: damaged, cannot be read as an .xlsx workbook; not read`,
      { cause: error },
    );
  }
  const request = readRequest(workbook, refuse);
  const data = workbook.getWorksheet(DATA_SHEET);
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
    respondent: optionalText(data.getCell(who, COLUMNS.label.col), 100),
    phone: optionalText(data.getCell(who + 1, COLUMNS.label.col), 50),
    rows,
  });
  if (!parsed.success) throw refuse("file_invalid", "内容超出可接受的范围（如填报人或备注过长）", "content out of bounds");
  return parsed.data;
}

type Refuse = (code: "file_corrupt" | "file_invalid" | "unsupported_format", zh: string, en: string) => NianbaoError;

function readRequest(workbook: ExcelJS.Workbook, refuse: Refuse): RequestRecord {
  const sheet = workbook.getWorksheet(REQUEST_SHEET);
  const notOurs = () =>
    refuse(
      "file_invalid",
      "不是年报生成的数据征集表（缺少征集信息），请使用“数据征集”发出的表格填写",
      "not a data request made by nianbao",
    );
  if (sheet === undefined) throw notOurs();
  const kv = new Map<string, string>();
  REQUEST_KEYS.forEach((key, i) => {
    if (textOf(sheet.getCell(i + 1, 1)) === key) kv.set(key, textOf(sheet.getCell(i + 1, 2)) ?? "");
  });
  if (kv.get("format") !== REQUEST_FORMAT) throw notOurs();
  const count = Number(kv.get("rows"));
  if (!Number.isInteger(count) || count < 0 || count > COLLECT_LIMITS.rows) throw notOurs();
  const rows: RequestRow[] = [];
  for (let i = 0; i < count; i++) {
    const r = REQUEST_ROWS_START + i;
    const [fieldId, label, sentence, lastYear, unit, kind] = [1, 2, 3, 4, 5, 6].map((c) => textOf(sheet.getCell(r, c)));
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
function assertLockedCellsIntact(sheet: ExcelJS.Worksheet, request: RequestRecord, refuse: Refuse): void {
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
    const cell = sheet.getCell(row, col);
    if (cell.type === ExcelJS.ValueType.Formula) throw edited(row, col, "被改成了公式", "holds a formula");
    const got = textOf(cell) ?? "";
    if (got !== want) throw edited(row, col, `被改动（原为“${clip(want)}”，现为“${clip(got)}”）`, `was changed from "${want}" to "${got}"`);
  }
  let extra: { row: number; col: number } | null = null;
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    r.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const key = `${rowNumber}:${colNumber}`;
      if (extra === null && !expected.has(key) && !inputs.has(key) && (textOf(cell) ?? "") !== "")
        extra = { row: rowNumber, col: colNumber };
    });
  });
  const found = extra as { row: number; col: number } | null;
  if (found !== null) throw edited(found.row, found.col, "在填写区域之外填了内容", "has content outside the input cells");
}

function answeredRow(sheet: ExcelJS.Worksheet, row: RequestRow, r: number, refuse: Refuse): AnsweredRow {
  const cell = sheet.getCell(r, COLUMNS.answer.col);
  const bad = (zh: string, en: string) =>
    refuse(
      "file_invalid",
      `“${DATA_SHEET}”表第 ${r} 行（${row.label}）的${COLUMNS.answer.header}${zh}`,
      `row ${r} (${row.fieldId}): ${en}`,
    );
  let answer: string | null | undefined;
  let formula: string | undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    formula = cell.formula.slice(0, 1000);
    const result: unknown = cell.result;
    if (result === undefined || result === null || (typeof result === "object" && "error" in result)) {
      throw bad(`是公式“=${formula}”且没有计算结果`, `a formula ("=${formula}") without a computed result`);
    }
    answer = valueText(result);
  } else {
    answer = valueText(cell.value);
  }
  if (answer === undefined) throw bad("无法识别（请填写数字）", "not a number or text");
  if (answer !== null && answer.length > 100) throw bad("过长（请只填写数字）", "longer than 100 characters");
  const qualifierText = textOf(sheet.getCell(r, COLUMNS.qualifier.col));
  let qualifier: Qualifier | undefined;
  if (qualifierText !== null && qualifierText !== "") {
    const q = qualifierText === "无" ? "none" : qualifierText;
    const parsed = Qualifier.safeParse(q);
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
    note: optionalText(sheet.getCell(r, COLUMNS.note.col), 2000),
    ...(formula === undefined ? {} : { formula }),
  };
}

/** A cell's value as the answer text: numbers without binary noise (0.1+0.2 → 0.3), null for blank, undefined when unreadable. */
function valueText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    return new Decimal(value.toPrecision(15)).toFixed();
  }
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "object" && "richText" in value && Array.isArray(value.richText)) {
    const text = (value.richText as { text?: unknown }[])
      .map((r) => (typeof r.text === "string" ? r.text : ""))
      .join("")
      .trim();
    return text === "" ? null : text;
  }
  return undefined;
}

/** A cell as text for comparison: strings as they are, numbers in plain form, rich text joined. */
function textOf(cell: ExcelJS.Cell): string | null {
  const value: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  const text = valueText(value);
  return text === undefined ? String(cell.text) : text;
}

function optionalText(cell: ExcelJS.Cell, max: number): string | null {
  const text = textOf(cell)?.trim() ?? "";
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

/** CFB stream names are UTF-16LE: an encrypted OOXML package has an "EncryptionInfo" stream. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, "utf16le"));
}
