import { Exact } from "../fields/exact";
import { plainDecimal } from "../fields/parse-value";
import type { Field } from "../model/field";
import type { PartId } from "../model/part-id";
import type { Report } from "../model/report";
import { expandForEach, fillVariables, type Template } from "../model/template";
import type { CompareRule, ProseRule, RuleCondition, RuleSum, TemplateRule, TextRule } from "../model/template-rule";
import { toHalfWidth } from "../text/to-half-width";
import { parseChineseNumeral } from "../text/chinese-numeral";
import { formatChineseDate } from "../text/chinese-date";
import type { CheckContext } from "./check-context";
import { at, type Finding, type FindingLocation, type ReportPath } from "./finding";

type Binding = Record<string, { value: string; label: string }>;

/** A sum as evaluated: blank cells count as 0 and are listed, so the finding can say so. */
interface Evaluated {
  value: Exact;
  cells: string[];
  blank: string[];
  /** A "prev:" term without last year's value: the rule cannot be judged. */
  unknown: boolean;
}

/**
 * The template's consistency rules (勾稽关系), each a finding per violated instance that names the
 * rule, its cells and the numbers: "R1 表三“自然人”列…：一+二=12，三（七）+四=10，相差2".
 */
export function checkRules(context: CheckContext): Finding[] {
  return context.template.rules.flatMap((rule) => checkRule(rule, context));
}

function checkRule(rule: TemplateRule, context: CheckContext): Finding[] {
  switch (rule.kind) {
    case "compare":
      return expandForEach(rule.forEach).flatMap((binding) => compare(rule, binding, context));
    case "prose":
      return prose(rule, context);
    case "text":
      return text(rule, context);
    case "cellValues":
      return cellValues(rule, context);
    case "deadline":
      return deadline(rule, context);
    case "reportYear":
      return reportYear(rule, context);
  }
}

function compare(rule: CompareRule, binding: Binding, { report, template }: CheckContext): Finding[] {
  if (rule.when !== undefined && !holds(rule.when, binding, report)) return [];
  const left = evaluate(rule.left, binding, report);
  const right = evaluate(rule.right, binding, report);
  if (left.unknown || right.unknown) return [];
  const ok = rule.op === "=" ? left.value.eq(right.value) : rule.op === "<=" ? left.value.lte(right.value) : left.value.gte(right.value);
  if (ok) return [];
  const l = plainDecimal(left.value);
  const r = plainDecimal(right.value);
  const relation =
    rule.op === "="
      ? `${rule.left.label}=${l}，${rule.right.label}=${r}，相差${plainDecimal(left.value.minus(right.value).abs())}`
      : `${rule.left.label}=${l}，${rule.op === "<=" ? "大于" : "小于"}${rule.right.label}=${r}`;
  const cells = [...new Set([...left.cells, ...right.cells])];
  const blank = [...new Set([...left.blank, ...right.blank])];
  return [finding(rule, `${fillVariables(rule.name, binding, "label")}：${relation}${blankNote(blank)}`, cells, report, template)];
}

function prose(rule: ProseRule, { report, template, blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const block of blocks) {
    if (block.inTable || block.kind === "heading") continue;
    const plain = toHalfWidth(block.text);
    for (const figure of rule.figures) {
      const sum = evaluate({ label: figure.cellLabel, terms: figure.terms }, {}, report);
      // A table nobody has filled in yet says nothing the text could contradict.
      if (sum.blank.length === sum.cells.length) continue;
      for (const m of plain.matchAll(new RegExp(figure.pattern, "gu"))) {
        const written = writtenNumber(m[1] ?? "");
        if (written === null) continue;
        if (written.eq(sum.value)) continue;
        findings.push({
          ...finding(
            rule,
            `${rule.name}：正文“${m[0]}”写${figure.what} ${plainDecimal(written)} 件，${figure.cellLabel}为 ${plainDecimal(sum.value)}${blankNote(sum.blank)}`,
            sum.cells,
            report,
            template,
          ),
          location: at(block.part, block.path, sum.cells[0] ?? null),
        });
      }
    }
  }
  return findings;
}

/** A figure as the prose writes it: 12, or 十二 / 两 (a clerk's 收到申请两件). */
function writtenNumber(text: string): Exact | null {
  if (/^\d+(?:\.\d+)?$/u.test(text)) return new Exact(text);
  const n = parseChineseNumeral(text);
  return n === null ? null : new Exact(String(n));
}

const CN_DIGITS = "〇零一二三四五六七八九";
/** A year as written: 2023 or 二〇二三, before 年. */
const YEAR = `(\\d{4}|[${CN_DIGITS}]{4})`;
const PERIOD = new RegExp(
  `${YEAR}\\s*年\\s*(?:1|一)\\s*月\\s*(?:1|一)\\s*日\\s*(?:至|到|—|-|～|~)+\\s*(?:${YEAR}\\s*年\\s*)?(?:12|十二)\\s*月\\s*(?:31|三十一)\\s*日`,
  "gu",
);
const OPENING_YEAR = new RegExp(`^\\s*${YEAR}\\s*年度?\\s*[，,、以]`, "u");
const TITLE_YEAR = new RegExp(`${YEAR}\\s*年`, "gu");

function yearOf(text: string): number | null {
  return /^\d{4}$/u.test(text) ? Number(text) : parseChineseNumeral(text);
}

function reportYear(rule: TemplateRule, { report, template, blocks }: CheckContext): Finding[] {
  const year = report.meta.reportYear;
  const findings: Finding[] = [];
  const found = (message: string, location: FindingLocation): void => {
    findings.push({ ...finding(rule, `${rule.name}：${message}`, [], report, template), location });
  };
  for (const m of toHalfWidth(report.meta.title).matchAll(TITLE_YEAR)) {
    const y = yearOf(m[1] ?? "");
    if (y !== null && y !== year) found(`标题写“${m[0]}”，报告年度为 ${year}年`, at(null, ["meta", "title"]));
  }
  for (const block of blocks) {
    if (block.inTable || block.kind === "heading") continue;
    const plain = toHalfWidth(block.text);
    for (const m of plain.matchAll(PERIOD)) {
      const years = [m[1], m[2]].flatMap((y) => (y === undefined ? [] : [yearOf(y)]));
      if (years.some((y) => y !== year)) found(`统计期限写“${m[0]}”，应为 ${year}年1月1日至12月31日`, at(block.part, block.path));
    }
    const opening = OPENING_YEAR.exec(plain);
    const y = opening?.[1] === undefined ? null : yearOf(opening[1]);
    if (opening !== null && y !== null && y !== year)
      found(`段落以“${opening[0].trim().replace(/[，,、以]$/u, "")}”开头，本报告写的是 ${year}年`, at(block.part, block.path));
  }
  const date = report.meta.date;
  if (date !== null && Number(date.slice(0, 4)) !== year + 1)
    found(`成文日期为 ${formatChineseDate(date)}，${year}年度报告应在 ${year + 1}年形成并公开`, at(null, ["meta", "date"]));
  return findings;
}

function text(rule: TextRule, { report, template, blocks }: CheckContext): Finding[] {
  if (rule.when !== undefined && !holds(rule.when, {}, report)) return [];
  const written = blocks
    .filter((b) => b.part === rule.part && !b.inTable)
    .map((b) => b.text)
    .join("\n");
  if (new RegExp(rule.pattern, "u").test(written)) return [];
  const cells = rule.when === undefined ? [] : evaluate(rule.when, {}, report).cells;
  const when = rule.when === undefined ? "" : `（${rule.when.label}为 ${plainDecimal(evaluate(rule.when, {}, report).value)}）`;
  return [{ ...finding(rule, `${rule.name}${when}`, cells, report, template), location: at(rule.part, partPath(report, rule.part)) }];
}

function cellValues(rule: TemplateRule, { report, template }: CheckContext): Finding[] {
  return Object.values(report.fields).flatMap((field) => {
    const problem = constraintProblem(field);
    return problem === null
      ? []
      : [finding(rule, `${rule.name}：“${field.label}”为 ${field.value ?? ""}，${problem}`, [field.id], report, template)];
  });
}

/** Why a stored value breaks its field's constraints (a file edited by hand, an import), or null. */
function constraintProblem(field: Field): string | null {
  if (field.value === null || field.constraints === undefined) return null;
  const value = new Exact(field.value);
  const { min, maxDecimals } = field.constraints;
  if (min !== undefined && value.lt(new Exact(min))) return `不能小于 ${min}`;
  if (maxDecimals !== undefined && value.decimalPlaces() > maxDecimals)
    return maxDecimals === 0 ? "须为整数" : `最多保留 ${maxDecimals} 位小数`;
  if (field.qualifier !== "none") return `须为确数，不能带“${field.qualifier}”`;
  return null;
}

function deadline(rule: TemplateRule, { report, template }: CheckContext): Finding[] {
  const date = report.meta.date;
  if (date === null) return [];
  const due = `${report.meta.reportYear + 1}-${(report.meta.deadlines ?? template.deadlines).publish}`;
  if (date <= due) return [];
  return [finding(rule, `${rule.name}：成文日期 ${formatChineseDate(date)} 晚于 ${formatChineseDate(due)}`, [], report, template)];
}

function holds(condition: RuleCondition, binding: Binding, report: Report): boolean {
  const { value, unknown } = evaluate(condition, binding, report);
  if (unknown) return false;
  const target = new Exact(condition.value);
  switch (condition.op) {
    case "=":
      return value.eq(target);
    case ">":
      return value.gt(target);
    case ">=":
      return value.gte(target);
    case "<":
      return value.lt(target);
    case "<=":
      return value.lte(target);
  }
}

function evaluate(sum: RuleSum, binding: Binding, report: Report): Evaluated {
  const result: Evaluated = { value: new Exact(0), cells: [], blank: [], unknown: false };
  for (const raw of sum.terms) {
    const negative = raw.startsWith("-");
    const unsigned = negative ? raw.slice(1) : raw;
    const lastYear = unsigned.startsWith("prev:");
    const id = fillVariables(lastYear ? unsigned.slice("prev:".length) : unsigned, binding);
    const field = report.fields[id];
    let value: string | null;
    if (lastYear) {
      value = field?.lastYear?.value ?? null;
      if (value === null) result.unknown = true;
    } else {
      result.cells.push(id);
      value = field?.value ?? null;
      if (value === null) result.blank.push(id);
    }
    const term = new Exact(value ?? "0");
    result.value = negative ? result.value.minus(term) : result.value.plus(term);
  }
  return result;
}

function blankNote(blank: readonly string[]): string {
  return blank.length === 0 ? "" : `（其中 ${blank.length} 个单元格未填写，按 0 计算）`;
}

function finding(rule: TemplateRule, message: string, cells: string[], report: Report, template: Template): Finding {
  return {
    id: `RULE-${rule.id}`,
    severity: rule.severity,
    message: `${rule.id} ${message}`,
    location: cellLocation(cells[0] ?? null, report, template),
    rule: rule.id,
    fields: cells,
  };
}

/** Where a cell's table is in the body; the part alone when the table is not found. */
function cellLocation(fieldId: string | null, report: Report, template: Template): FindingLocation {
  if (fieldId === null) return at(null);
  const tableId = report.fields[fieldId]?.cell?.table;
  const part = template.tables.find((t) => t.id === tableId)?.part ?? null;
  return at(part, part === null ? null : tablePath(report, part, fieldId), fieldId);
}

function partPath(report: Report, part: PartId): ReportPath | null {
  const index = report.body.content.findIndex((n) => n.type === "part" && n.attrs.partId === part);
  return index === -1 ? null : ["body", "content", index];
}

/** The path of the table in `part` that holds the field's atom. */
function tablePath(report: Report, part: PartId, fieldId: string): ReportPath | null {
  const index = report.body.content.findIndex((n) => n.type === "part" && n.attrs.partId === part);
  const node = report.body.content[index];
  if (node === undefined || node.type !== "part") return null;
  const j = node.content.findIndex((b) => b.type === "table" && JSON.stringify(b).includes(`"fieldId":"${fieldId}"`));
  return j === -1 ? ["body", "content", index] : ["body", "content", index, "content", j];
}
