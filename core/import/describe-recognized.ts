import type { RecognizedHeading, RecognizedReport } from "./recognize-report";

/** One recognised field as `nianbao inspect --json` prints it. */
export interface DescribedImportField {
  id: string;
  /** Exact source substring, e.g. 受理信访件 590 件. */
  text: string;
  /** Plain number in base units: 36万件 → 360000, 93.26% → 93.26. */
  value: number;
  unit: string | null;
  qualifier: string | null;
  percent: boolean;
  label: string;
  kind: string;
}

export interface RecognizedDescription {
  title: string | null;
  org: string | null;
  date: string | null;
  reportYear: number | null;
  recipient: string | null;
  docNumber: string | null;
  headings: RecognizedHeading[];
  fields: DescribedImportField[];
}

/** The inspect shape of a recognised (not yet saved) report. */
export function describeRecognized(r: RecognizedReport): RecognizedDescription {
  return {
    title: r.title,
    org: r.org,
    date: r.date,
    reportYear: r.reportYear,
    recipient: r.recipient,
    docNumber: r.docNumber,
    headings: r.headings,
    fields: r.fields.map((f) => ({
      id: f.id,
      text: f.text,
      value: Number(f.value),
      unit: f.unit,
      qualifier: f.statedQualifier === "none" ? null : f.statedQualifier,
      percent: f.percent,
      label: f.label,
      kind: f.kind,
    })),
  };
}
