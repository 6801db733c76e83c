import { CANONICAL_DATE, daysBetween, formatChineseDate, readDateLine } from "../text/chinese-date";
import { issuingOrg, reportTitle } from "../model/issuing-org";
import type { CheckContext } from "./check-context";
import { at, type Finding } from "./finding";

/** Shown and printed as a warning; `blockingOf` makes it an error for a final export and for signing. */
export const DATE_EMPTY = "DATE-EMPTY";

/**
 * TITLE-EMPTY / ORG-EMPTY (nothing is invented in their place), DATE-EMPTY, DATE-01/02 (成文日期)
 * and RCPT-01 (主送机关 ends with "：").
 */
export function checkMeta({ report, blocks, today }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  if (reportTitle(report.meta) === null) {
    findings.push({
      id: "TITLE-EMPTY",
      severity: "error",
      message: "报告没有标题；导出时标题处留空，请在“报告信息”中填写",
      location: at(null, ["meta", "title"]),
    });
  }
  if (issuingOrg(report.meta) === null) {
    findings.push({
      id: "ORG-EMPTY",
      severity: "error",
      message: "尚未填写发文机关；导出时落款处留空，请在“报告信息”中填写",
      location: at(null, ["meta", "org"]),
    });
  }
  if (report.meta.date === null) {
    findings.push({
      id: DATE_EMPTY,
      severity: "warning",
      message: "尚未填写成文日期；签发时自动填入签发日期，定稿导出前须填写",
      location: at(null, ["meta", "date"]),
    });
  }
  for (const block of blocks) {
    if (block.kind !== "paragraph" || block.inTable) continue;
    const first = block.pieces[0];
    if (block.pieces.length !== 1 || first?.type !== "text") continue;
    const date = readDateLine(first.text);
    const trimmed = first.text.trim();
    if (date === undefined || CANONICAL_DATE.test(trimmed)) continue;
    const fixed = `${date.year}年${date.month}月${date.day}日`;
    findings.push({
      id: "DATE-01",
      severity: "error",
      message: `成文日期应使用阿拉伯数字、月日不编虚位，写作“${fixed}”，此处为“${trimmed}”`,
      location: at(block.part, first.path),
      fix: {
        type: "replaceText",
        path: first.path,
        offset: first.text.indexOf(trimmed),
        from: trimmed,
        to: fixed,
        label: `改为“${fixed}”`,
      },
    });
  }
  const date = report.meta.date;
  if (date !== null) {
    const year = Number(date.slice(0, 4));
    if (year !== report.meta.reportYear + 1 && year !== report.meta.reportYear) {
      findings.push({
        id: "DATE-02",
        severity: "warning",
        message: `成文日期 ${formatChineseDate(date)} 与报告年度 ${report.meta.reportYear}年不符（通常为次年年初）`,
        location: at(null, ["meta", "date"]),
      });
    }
    if (daysBetween(today, date) > 0) {
      findings.push({
        id: "DATE-02",
        severity: "warning",
        message: `成文日期 ${formatChineseDate(date)} 晚于今天`,
        location: at(null, ["meta", "date"]),
      });
    }
  }
  const recipient = report.meta.recipient;
  if (recipient !== null && recipient.trim() !== "" && !recipient.endsWith("：")) {
    const fixed = `${recipient.replace(/[\s:：,，。;；]+$/, "")}：`;
    findings.push({
      id: "RCPT-01",
      severity: "error",
      message: `主送机关末尾应为全角冒号“：”，此处为“${recipient}”`,
      location: at(null, ["meta", "recipient"]),
      fix: { type: "setRecipient", value: fixed, label: `改为“${fixed}”` },
    });
  }
  return findings;
}
