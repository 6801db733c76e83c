import { outline } from "../doc/outline";
import { fieldText, fieldTextResolver, yoyOf } from "../fields/field-text";
import { isPercentKind } from "../fields/field-value-problems";
import { formatValue } from "../fields/format-field";
import type { Field } from "../model/field";
import { issuingOrg, reportTitle } from "../model/issuing-org";
import type { PartId } from "../model/part-id";
import type { Report } from "../model/report";

export interface DescribedField {
  id: string;
  label: string;
  /** As the text shows it: 超36万件. */
  text: string | null;
  /** The plain number: 36万 → 360000; 93.26% → 93.26. */
  value: number | null;
  /** Last year's plain number, or null. */
  lastYearValue: number | null;
  /** Last year's value as last year's text showed it: 超36万件. */
  lastYearText: string | null;
  unit: string | null;
  qualifier: string | null;
  percent: boolean;
  /** The computed YoY wording ("同比增长11.11%", "提高2.24个百分点"), or null. */
  yoy: string | null;
  status: Field["status"];
  /** Where the figure came from (the department that supplied it), or null. */
  source: string | null;
  /** Only for a cell of a template table: the table, and whether it is a derived cell (总计), computed and never typed. */
  table?: string;
  computed?: boolean;
}

export interface ReportDescription {
  title: string | null;
  org: string | null;
  date: string | null;
  reportYear: number | null;
  template: { id: string; version: number };
  workflow: { state: string; revision: number };
  parts: { part: PartId | null; heading: string }[];
  headings: { level: number; text: string; part: PartId | null }[];
  fields: DescribedField[];
}

/** The summary `nianbao inspect` prints, in the shape scripts rely on. */
export function describeReport(report: Report): ReportDescription {
  const headings = outline(report.body, fieldTextResolver(report, report.meta.profile));
  return {
    title: reportTitle(report.meta),
    org: issuingOrg(report.meta),
    date: report.meta.date,
    reportYear: report.meta.reportYear,
    template: report.template,
    workflow: { state: report.workflow.state, revision: report.workflow.revision },
    parts: headings.filter((h) => h.level === 1).map((h) => ({ part: h.part, heading: h.text })),
    headings: headings.map(({ level, text, part }) => ({ level, text, part })),
    fields: Object.values(report.fields).map((field) => ({
      id: field.id,
      label: field.label,
      text: fieldText(report, field.id, "value", report.meta.profile) ?? null,
      value: field.value === null ? null : Number(field.value),
      lastYearValue: field.lastYear?.value == null ? null : Number(field.lastYear.value),
      lastYearText:
        field.lastYear === null
          ? null
          : formatValue({ ...field.lastYear, unit: field.lastYear.unit ?? field.unit, decimals: field.decimals }),
      unit: field.unit,
      qualifier: field.qualifier === "none" ? null : field.qualifier,
      percent: isPercentKind(field),
      yoy: yoyOf(report, field)?.wording ?? null,
      status: field.status,
      source: field.source,
      ...(field.cell === undefined ? {} : { table: field.cell.table, computed: field.formula !== undefined }),
    })),
  };
}
