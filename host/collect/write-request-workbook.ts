import ExcelJS from "exceljs";
import { ANSWER_MARK } from "../../core/collect/field-sentence";
import type { Field } from "../../core/model/field";
import {
  COLUMNS,
  DATA_SHEET,
  INPUT_COLUMNS,
  INSTRUCTIONS_SHEET,
  PHONE_LABEL,
  REQUEST_FORMAT,
  REQUEST_FORMAT_VERSION,
  REQUEST_ROWS_START,
  REQUEST_SHEET,
  RESPONDENT_LABEL,
  requestChecksum,
  respondentRow,
  type RequestRecord,
} from "./request-layout";

export interface RequestHeading {
  org: string;
  title: string;
}

const QUALIFIER_CHOICES = ["超", "约", "余", "近", "累计", "以上", "无"];

/**
 * One department's data-request workbook: instructions, the data sheet (only 本年数值, 限定词,
 * 备注, 填报人 and 联系电话 unlocked, with data validation) and the hidden request sheet.
 */
export async function writeRequestWorkbook(record: RequestRecord, fields: readonly Field[], heading: RequestHeading): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "年报 nianbao";
  writeInstructions(workbook.addWorksheet(INSTRUCTIONS_SHEET), record, heading);
  await writeData(workbook.addWorksheet(DATA_SHEET), record, fields);
  await writeRequestSheet(workbook.addWorksheet(REQUEST_SHEET), record);
  // The data sheet opens first: it is the one to fill.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeInstructions(sheet: ExcelJS.Worksheet, record: RequestRecord, heading: RequestHeading): void {
  sheet.getColumn(1).width = 100;
  const lines = [
    `${heading.title || `${heading.org}${record.reportYear}年度报告`} 数据征集表`,
    `征集单位：${heading.org}    填报部门：${record.department}    年度：${record.reportYear}`,
    "",
    "填写方法：",
    `1. 在“${DATA_SHEET}”表的“${COLUMNS.answer.header}”列逐行填写 ${record.reportYear} 年度的数字，只填阿拉伯数字，单位见“${COLUMNS.unit.header}”列；不知道的留空。`,
    `2. 数字如需说明“超”“约”“余”“近”等，请在“${COLUMNS.qualifier.header}”列选择；其他情况写在“${COLUMNS.note.header}”列。`,
    `3. “${COLUMNS.sentence.header}”列是报告中的原句，${ANSWER_MARK}处将换成您填写的数字。`,
    `4. 请在表格下方填写${RESPONDENT_LABEL}和${PHONE_LABEL}。`,
    "5. 请勿修改其他单元格、增删行列或填写公式；填好后直接保存（.xlsx 格式），原文件交回。",
    "",
    `请求编号：${record.requestId}`,
  ];
  lines.forEach((text, i) => {
    sheet.getCell(i + 1, 1).value = text;
  });
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getColumn(1).alignment = { wrapText: true, vertical: "top" };
}

async function writeData(sheet: ExcelJS.Worksheet, record: RequestRecord, fields: readonly Field[]): Promise<void> {
  for (const c of Object.values(COLUMNS)) {
    sheet.getColumn(c.col).width = c.width;
    const cell = sheet.getCell(1, c.col);
    cell.value = c.header;
    cell.font = { bold: true };
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  record.rows.forEach((row, i) => {
    const r = i + 2;
    sheet.getCell(r, COLUMNS.fieldId.col).value = row.fieldId;
    sheet.getCell(r, COLUMNS.label.col).value = row.label;
    sheet.getCell(r, COLUMNS.sentence.col).value = row.sentence;
    sheet.getCell(r, COLUMNS.sentence.col).alignment = { wrapText: true, vertical: "top" };
    if (row.lastYear !== "") sheet.getCell(r, COLUMNS.lastYear.col).value = row.lastYear;
    if (row.unit !== "") sheet.getCell(r, COLUMNS.unit.col).value = row.unit;
    for (const col of INPUT_COLUMNS) unlock(sheet.getCell(r, col));
    const field = fields[i];
    sheet.getCell(r, COLUMNS.answer.col).dataValidation = answerValidation(field);
    sheet.getCell(r, COLUMNS.qualifier.col).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${QUALIFIER_CHOICES.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "限定词",
      error: `请从列表中选择：${QUALIFIER_CHOICES.join("、")}`,
    };
  });
  const r = respondentRow(record.rows.length);
  sheet.getCell(r, COLUMNS.fieldId.col).value = RESPONDENT_LABEL;
  sheet.getCell(r + 1, COLUMNS.fieldId.col).value = PHONE_LABEL;
  unlock(sheet.getCell(r, COLUMNS.label.col));
  unlock(sheet.getCell(r + 1, COLUMNS.label.col));
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function unlock(cell: ExcelJS.Cell): void {
  cell.protection = { locked: false };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7D6" } };
}

/** Counts and amounts are ≥ 0, rates 0–100; a stated change rate may be negative. */
function answerValidation(field: Field | undefined): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: COLUMNS.answer.header } as const;
  if (field?.kind === "growth")
    return { ...common, type: "decimal", operator: "between", formulae: [-1000, 100000], error: "请填写数字（百分数，不带 % 号）" };
  if (field?.kind === "percent" || field?.kind === "ratio") {
    return { ...common, type: "decimal", operator: "between", formulae: [0, 100], error: "请填写 0 到 100 之间的数字（不带 % 号）" };
  }
  const whole = field?.constraints?.maxDecimals === 0;
  return {
    ...common,
    type: whole ? "whole" : "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    error: whole ? "请填写不小于 0 的整数" : "请填写不小于 0 的数字",
  };
}

async function writeRequestSheet(sheet: ExcelJS.Worksheet, record: RequestRecord): Promise<void> {
  const values: Record<string, string | number> = {
    format: REQUEST_FORMAT,
    version: REQUEST_FORMAT_VERSION,
    requestId: record.requestId,
    reportId: record.reportId,
    reportYear: record.reportYear,
    templateId: record.templateId,
    department: record.department,
    rows: record.rows.length,
    checksum: requestChecksum(record),
  };
  Object.entries(values).forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    sheet.getCell(i + 1, 2).value = value;
  });
  record.rows.forEach((row, i) => {
    [row.fieldId, row.label, row.sentence, row.lastYear, row.unit, row.kind].forEach((value, c) => {
      if (value !== "") sheet.getCell(REQUEST_ROWS_START + i, c + 1).value = value;
    });
  });
  sheet.state = "veryHidden";
  await sheet.protect("", { selectLockedCells: false, selectUnlockedCells: false });
}
