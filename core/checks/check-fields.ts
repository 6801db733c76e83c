import { boundGrowth } from "../fields/bound-growth";
import { Exact } from "../fields/exact";
import { fieldValueProblems, isRateKind, type ValueProblemCode } from "../fields/field-value-problems";
import { yoyOf } from "../fields/field-text";
import { displayDigits, formatValue, shownScale } from "../fields/format-field";
import type { CheckContext } from "./check-context";
import type { Field } from "../model/field";
import { at, type Finding, type FindingLocation } from "./finding";
import { firstFieldUses, type TextBlock } from "./report-blocks";
import { lastYearWording, normalWording } from "../compare/carried-wording";
import { FIELD_TOKEN } from "../compare/collect-paragraphs";

const PROBLEM_IDS: Record<ValueProblemCode, { id: string; severity: Finding["severity"] }> = {
  rate_out_of_range: { id: "RATE-RANGE", severity: "error" },
  negative: { id: "COUNT-NEGATIVE", severity: "error" },
  fractional_count: { id: "COUNT-FRACTION", severity: "warning" },
};

/** A count that grew tenfold or fell by nine tenths is usually a typing or unit slip (件 vs 万件). */
const SWING_FACTOR = new Exact(10);

/** Per-field checks: review status, missing and implausible values, stale copies, dangling atoms. */
export function checkFields({ report, blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const uses = firstFieldUses(blocks);
  for (const block of blocks) {
    for (const piece of block.pieces) {
      if (piece.type !== "field") continue;
      const field = report.fields[piece.fieldId];
      if (field === undefined) {
        findings.push({
          id: "FIELD-MISSING",
          severity: "error",
          message: `正文引用了不存在的字段“${piece.fieldId}”，导出时显示为“【缺数】”`,
          location: at(block.part, piece.path, null),
        });
      } else if (piece.show === "yoy" && yoyOf(report, field) === null) {
        findings.push({
          id: "YOY-MISSING",
          severity: "error",
          message: `“${field.label}”的同比表述无法计算（缺少本年或上年数值，或为增幅字段），导出时显示为“【缺数】”`,
          location: at(block.part, piece.path, field.id),
        });
      }
    }
  }
  for (const field of Object.values(report.fields)) {
    // Table cells are checked per table (check-tables.ts) and by the template's rules (check-rules.ts).
    if (field.cell !== undefined) continue;
    const use = uses.get(field.id);
    const where = at(use?.part ?? null, use?.path ?? ["fields", field.id], field.id);
    const name = `“${field.label}”`;
    // A growth field bound to its base is computed from the base's two years: it needs no value of
    // its own, and it is as confirmed as the base it is computed from.
    const growth = boundGrowth(report.fields, field);
    const computed = growth !== undefined && growth.exact !== null;
    if (field.value === null && !computed) {
      findings.push({ id: "FIELD-EMPTY", severity: "error", message: `${name}尚未填写数值`, location: where });
    } else if (field.value !== null) {
      for (const problem of fieldValueProblems(field.kind, field.value)) {
        const { id, severity } = PROBLEM_IDS[problem.code];
        findings.push({ id, severity, message: `${name}：${problem.zh}`, location: where });
      }
    }
    if (field.status === "unconfirmed" && !(computed && growth.base.status === "confirmed")) {
      const shown = formatValue(field);
      findings.push({
        id: "FIELD-UNCONFIRMED",
        severity: "error",
        message: `${name}${shown === null ? "" : `（${shown}）`}尚未确认；沿用上年或自动识别的数字须逐一核对后确认`,
        location: where,
      });
    }
    const last = field.lastYear?.value ?? null;
    if (field.value !== null && last !== null && field.kind !== "growth") {
      const current = new Exact(field.value);
      const previous = new Exact(last);
      if (current.eq(previous)) {
        const rate = isRateKind(field.kind);
        findings.push({
          id: "FIELD-SAME-AS-LAST-YEAR",
          severity: rate ? "info" : "warning",
          message: `${name}与上年数值相同（${formatValue(field) ?? field.value}），请核实是否沿用了上年数字`,
          location: where,
        });
      } else if (!isRateKind(field.kind) && previous.isPos() && current.isPos()) {
        const ratio = current.div(previous);
        if (ratio.gte(SWING_FACTOR) || ratio.lte(new Exact(1).div(SWING_FACTOR))) {
          findings.push({
            id: "FIELD-SWING",
            severity: "warning",
            message: `${name}与上年相差 ${ratio.gte(1) ? `${ratio.toFixed(1)} 倍` : `至 ${ratio.mul(100).toFixed(1)}%`}，请核对单位（如“件”与“万件”）`,
            location: where,
          });
        }
      }
    }
    const scaleFinding = scaleChange(field, name, where);
    if (scaleFinding !== undefined) findings.push(scaleFinding);
    if (use === undefined) {
      findings.push({
        id: "FIELD-UNUSED",
        severity: "info",
        message: `${name}未在正文中出现`,
        location: at(null, ["fields", field.id], field.id),
      });
    }
  }
  return findings;
}

/**
 * FIELD-SCALE: a value its written scale cannot show (202 in a field written 超7万平方米 would read
 * "0万") prints unscaled; the clerk should know, since such a drop is usually a missing 万.
 */
function scaleChange(field: Field, name: string, where: FindingLocation): Finding | undefined {
  if (field.value === null || field.scale === "none" || shownScale(field).scale === field.scale) return undefined;
  const rounded = `${displayDigits(field.value, field.scale, field.decimals)}${field.scale}${field.unit ?? ""}`;
  return {
    id: "FIELD-SCALE",
    severity: "warning",
    message: `${name}原以“${field.scale}”为单位书写，数值 ${field.value} 按此写法会成为“${rounded}”，导出时写作“${formatValue(field) ?? field.value}”；请核对是否漏写了“${field.scale}”`,
    location: where,
  };
}

/**
 * Paragraphs and headings carried over from last year that nobody has reviewed yet. A carried
 * block whose wording is no longer last year's has been rewritten, which is a review; the
 * statutory level-1 headings are fixed text and never count.
 */
export function checkCarried({ report, blocks }: CheckContext): Finding[] {
  // Without last year's text to compare with, the mark is all there is to go by.
  const lastYear = report.lastYear === null ? null : lastYearWording(report.lastYear.body);
  const blockWording = (b: TextBlock) => normalWording(b.pieces.map((p) => (p.type === "field" ? FIELD_TOKEN : p.text)).join(""));
  const isPartHeading = (b: TextBlock) => b.kind === "heading" && b.level === 1 && !b.inTable && b.path.length === 5 && b.path[4] === 0;
  return blocks
    .filter((b) => b.carried && b.text.trim() !== "" && !isPartHeading(b) && (lastYear === null || lastYear.has(blockWording(b))))
    .map((b) => ({
      id: "TEXT-CARRIED",
      severity: "warning" as const,
      message: `此段沿用上年报告，尚未审阅（改写或标为已审阅后不再提示）：“${excerpt(b.text)}”`,
      location: at(b.part, b.path),
    }));
}

export function excerpt(text: string, max = 30): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
