import { checkReport } from "../checks/check-report";
import { bigramProfile, profileSimilarity } from "../compare/bigram-similarity";
import { fieldsInDocumentOrder } from "../doc/fields-in-document-order";
import type { ReportEdit } from "../edits/report-edit";
import { NianbaoError } from "../errors/nianbao-error";
import { shownStatus } from "../fields/bound-growth";
import { isApproximate } from "../fields/compare-yoy";
import { Exact } from "../fields/exact";
import { formatValue } from "../fields/format-field";
import { plainDecimal } from "../fields/parse-value";
import type { Field, FieldAnswer, Qualifier } from "../model/field";
import type { Report } from "../model/report";
import type { Template, TemplateIndicator } from "../model/template";
import { daysBetween } from "../text/chinese-date";
import { stageName } from "../workflow/state-names";
import { indicatorOf, plainLabel } from "./indicator-of";
import { MAX_ROLLUP_TOWNS, type RollupContribution, type RollupResult, type RollupRow, type RollupTown } from "./rollup-result";

/** Labels this alike name the same figure even where the catalogue has no indicator for it. */
const SAME_FIGURE = 0.8;

/** A town's report as read for a roll-up. */
export interface TownReport {
  report: Report;
  fileName: string;
  fileSha256: string;
}

export interface RollupOptions {
  /** When the town reports were read (each contribution's `readAt`). */
  readAt: string;
  /** YYYY-MM-DD, for the towns' 检查 and deadlines. */
  today: string;
  /** Only these county fields take the towns' figures; all when absent. */
  only?: readonly string[];
}

export interface RollupPlan {
  /** changeField edits: core/edits applies them like department answers. */
  edits: ReportEdit[];
  result: RollupResult;
}

/**
 * What the towns' reports of one year add up to in the county report: each county figure is
 * matched to one figure per town (a table cell by its cell, any other by the template's indicator
 * catalogue and then by label), counts and amounts summed, rates averaged. Values land
 * unconfirmed, with every town's figure kept as its provenance; a value the county already
 * confirmed is never overwritten. Refuses the whole batch (naming the file) when a report is of
 * another year or template, is the county report itself, or comes twice.
 */
export function planRollup(county: Report, towns: readonly TownReport[], template: Template, options: RollupOptions): RollupPlan {
  assertTowns(county, towns);
  const rollable = fieldsInDocumentOrder(county.body, county.fields)
    .flatMap((g) => g.fields)
    .filter(isRollable);
  const matches = towns.map((town) => matchTown(rollable, town.report, template.indicators));
  const only = options.only === undefined ? null : new Set(options.only);
  const edits: ReportEdit[] = [];
  const rows: RollupRow[] = [];
  for (const field of rollable) {
    const contributions: RollupContribution[] = [];
    const contributors: { town: TownReport; field: Field }[] = [];
    const missing: string[] = [];
    const mismatched: RollupRow["mismatched"] = [];
    towns.forEach((town, index) => {
      const org = townName(town);
      const match = matches[index]?.get(field.id);
      if (match === undefined || match.value === null) {
        missing.push(org);
      } else if (match.unit !== field.unit) {
        mismatched.push({ town: org, reason: `单位为“${match.unit ?? "无"}”，本报告为“${field.unit ?? "无"}”` });
      } else {
        const { id, label, value, qualifier, status } = match;
        const text = plainText(field, value, qualifier);
        contributions.push({ town: org, fileName: town.fileName, fieldId: id, label, value, qualifier, text, status });
        contributors.push({ town, field: match });
      }
    });
    const method = field.kind === "percent" ? "average" : "sum";
    const value =
      contributions.length === 0
        ? null
        : combine(
            method,
            contributions.map((c) => c.value),
          );
    const approximate = contributors.some((c) => isApproximate(c.field));
    const qualifier: Qualifier = approximate ? "约" : field.qualifier;
    const outcome = outcomeOf(field, value, only);
    rows.push({
      fieldId: field.id,
      label: field.label,
      kind: field.kind,
      unit: field.unit,
      method,
      value,
      qualifier,
      text: value === null ? null : plainText(field, value, qualifier),
      contributions,
      missing,
      unconfirmed: contributions.filter((c) => c.status !== "confirmed").map((c) => c.town),
      mismatched,
      current: field.value,
      outcome,
    });
    if (value === null || outcome === "skipped") continue;
    const answers = contributors.map(({ town }, i) =>
      answerOf(contributions[i] as RollupContribution, town, options.readAt, outcome === "confirmed"),
    );
    if (outcome === "applied") {
      edits.push({ type: "changeField", fieldId: field.id, input: value, ...(approximate ? { qualifier: "约" } : {}), answers });
    } else {
      edits.push({ type: "changeField", fieldId: field.id, answers });
    }
  }
  return { edits, result: { towns: towns.map((t) => townStatus(t, template, options.today)), rows } };
}

/** Counts, amounts and rates: not totals (they compute themselves), not growth rates or shares of another whole. */
function isRollable(field: Field): boolean {
  return field.formula === undefined && (field.kind === "count" || field.kind === "amount" || field.kind === "percent");
}

/**
 * For one town, the county field each of its figures reports, one to one: the best pairs first, so
 * that 受理审批服务事项 and 办结审批服务事项 do not both take the town's first 审批 figure.
 */
function matchTown(rollable: readonly Field[], town: Report, indicators: readonly TemplateIndicator[]): Map<string, Field> {
  const pairs: { county: Field; town: Field; score: number }[] = [];
  const candidates = Object.values(town.fields).filter(isRollable);
  for (const county of rollable) {
    const indicator = county.cell === undefined ? indicatorOf(county, indicators) : undefined;
    const profile = bigramProfile(plainLabel(county.label));
    for (const other of candidates) {
      if (other.kind !== county.kind) continue;
      if (county.cell !== undefined || other.cell !== undefined) {
        if (other.id === county.id && other.cell?.table === county.cell?.table) pairs.push({ county, town: other, score: 3 });
        continue;
      }
      const same = plainLabel(other.label) === profile.text;
      const similarity = same ? 1 : profileSimilarity(profile, bigramProfile(plainLabel(other.label)));
      const sameIndicator = indicator !== undefined && indicatorOf(other, indicators) === indicator;
      if (!same && !sameIndicator && similarity < SAME_FIGURE) continue;
      pairs.push({ county, town: other, score: (same ? 2 : similarity) + (sameIndicator ? 0.5 : 0) });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const byCounty = new Map<string, Field>();
  const used = new Set<string>();
  for (const pair of pairs) {
    if (byCounty.has(pair.county.id) || used.has(pair.town.id)) continue;
    byCounty.set(pair.county.id, pair.town);
    used.add(pair.town.id);
  }
  return byCounty;
}

/** A figure in the county field's unit, unscaled and grouped (401,000件), so towns' figures compare at a glance. */
function plainText(field: Field, value: string, qualifier: Qualifier): string {
  const decimals = Math.min(4, new Exact(value).decimalPlaces());
  return formatValue({ value, unit: field.unit, scale: "none", qualifier, decimals }, { thousandsSeparator: true }) ?? value;
}

function combine(method: "sum" | "average", values: readonly string[]): string {
  const total = values.reduce((sum, v) => sum.plus(new Exact(v)), new Exact(0));
  if (method === "sum") return plainDecimal(total);
  // A rate averaged keeps the precision the towns wrote it in (95.5 and 96 → 95.8), at most 2 places.
  const places = Math.min(2, Math.max(...values.map((v) => v.split(".")[1]?.length ?? 0), 1));
  return plainDecimal(total.dividedBy(values.length).toDecimalPlaces(places));
}

function outcomeOf(field: Field, value: string | null, only: ReadonlySet<string> | null): RollupRow["outcome"] {
  if (value === null) return "empty";
  if (only !== null && !only.has(field.id)) return "skipped";
  const same = field.value !== null && new Exact(field.value).equals(new Exact(value));
  if (same) return "unchanged";
  return field.status === "confirmed" ? "confirmed" : "applied";
}

function answerOf(c: RollupContribution, town: TownReport, readAt: string, keptAside: boolean): FieldAnswer {
  return {
    department: c.town,
    fileName: c.fileName,
    requestId: town.report.id,
    respondent: drafterOf(town.report),
    phone: null,
    readAt,
    fileSha256: town.fileSha256,
    answer: c.value,
    ...(c.qualifier === "none" ? {} : { qualifier: c.qualifier }),
    note: `${c.label}（${c.status === "confirmed" ? "该乡镇已确认" : "该乡镇未确认"}）`,
    outcome: keptAside ? "conflict" : "applied",
    ...(keptAside ? { conflict: "confirmed" as const } : {}),
    via: "rollup",
  };
}

/** The town's 拟稿人, who answers for its figures. */
function drafterOf(report: Report): string | null {
  const event = [...report.workflow.events].reverse().find((e) => e.role === "拟稿人" && e.person.trim() !== "");
  return event === undefined ? null : event.person.slice(0, 100);
}

function townStatus(town: TownReport, template: Template, today: string): RollupTown {
  const { report } = town;
  const findings = checkReport(report, template, { today });
  const dates = report.meta.deadlines ?? template.deadlines;
  const submitBy = `${report.meta.reportYear + 1}-${dates.submit}`;
  return {
    fileName: town.fileName,
    org: townName(town),
    reportYear: report.meta.reportYear,
    stage: stageName(report.workflow),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    unconfirmed: Object.values(report.fields).filter((f) => f.formula === undefined && shownStatus(report.fields, f) !== "confirmed")
      .length,
    submitBy,
    daysLeft: daysBetween(today, submitBy),
  };
}

function townName(town: TownReport): string {
  return town.report.meta.org.trim() === "" ? town.fileName : town.report.meta.org.trim();
}

function assertTowns(county: Report, towns: readonly TownReport[]): void {
  if (towns.length === 0) throw new NianbaoError("invalid_input", "请指定要汇总的乡镇报告。", "no town reports given");
  if (towns.length > MAX_ROLLUP_TOWNS) {
    throw new NianbaoError(
      "invalid_input",
      `一次最多汇总 ${MAX_ROLLUP_TOWNS} 份乡镇报告。`,
      `at most ${MAX_ROLLUP_TOWNS} town reports in one roll-up`,
    );
  }
  const seen = new Map<string, string>();
  for (const town of towns) {
    const { report, fileName } = town;
    if (report.id === county.id) {
      throw refused(fileName, "是汇总报告本身，不是乡镇报告", "is the county report itself, not a town's");
    }
    if (report.template.id !== county.template.id) {
      throw refused(fileName, "与汇总报告不是同一种报告（模板不同）", "is another kind of report (another template)");
    }
    if (report.meta.reportYear !== county.meta.reportYear) {
      throw refused(
        fileName,
        `是 ${report.meta.reportYear} 年度的报告，汇总的是 ${county.meta.reportYear} 年度`,
        `is the ${report.meta.reportYear} report; the roll-up is for ${county.meta.reportYear}`,
      );
    }
    for (const key of [`file:${town.fileSha256}`, `id:${report.id}`, `org:${townName(town)}`]) {
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw refused(
          fileName,
          `与 ${earlier} 是同一单位（${townName(town)}）的报告，只能汇总一次`,
          `is a second report of ${earlier}'s town`,
        );
      }
      seen.set(key, fileName);
    }
  }
}

function refused(fileName: string, zh: string, en: string): NianbaoError {
  return new NianbaoError(
    "invalid_input",
    `${fileName}：${zh}，未汇总。汇总报告未改动。`,
    `${fileName}: ${en}; nothing was rolled up and the county report was not changed`,
  );
}
