import { createReport } from "../../../core/model/create-report";
import type { BlockNode, InlineNode } from "../../../core/model/doc";
import { Field, type FieldInput } from "../../../core/model/field";
import type { PartId } from "../../../core/model/part-id";
import { Report } from "../../../core/model/report";
import { fixedDeps } from "../../support/deps";
import { fazhiTemplate } from "../../support/template";

/** A 2024 report with every statutory part written: the checker finds nothing but the deadlines. */
export function cleanReport(year = 2024): Report {
  const report = createReport(fazhiTemplate(), { org: "吴中区木渎镇人民政府", year }, fixedDeps());
  const body = JSON.parse(JSON.stringify(report.body)) as Report["body"];
  for (const node of body.content) {
    if (node.type !== "part") continue;
    node.content = node.content.map((block): BlockNode =>
      block.type === "paragraph" && block.content === undefined
        ? { ...block, content: [{ type: "text", text: "各项工作扎实推进，取得明显成效。" }] }
        : block,
    );
  }
  return Report.parse({ ...report, body });
}

export const text = (t: string): InlineNode => ({ type: "text", text: t });
export const atom = (fieldId: string, show: "value" | "yoy" = "value"): InlineNode => ({ type: "reportField", attrs: { fieldId, show } });

/** The report with a paragraph appended to a part, and the paragraph's path in the report. */
export function withParagraph(
  report: Report,
  partId: PartId,
  content: InlineNode[],
  carried = false,
): { report: Report; path: (string | number)[] } {
  return withBlock(report, partId, { type: "paragraph", attrs: { carried }, content });
}

export function withHeading(
  report: Report,
  partId: PartId,
  level: 1 | 2 | 3 | 4,
  heading: string | InlineNode[],
): { report: Report; path: (string | number)[] } {
  return withBlock(report, partId, {
    type: "heading",
    attrs: { level, carried: false },
    content: typeof heading === "string" ? [text(heading)] : heading,
  });
}

function withBlock(report: Report, partId: PartId, block: BlockNode): { report: Report; path: (string | number)[] } {
  const body = JSON.parse(JSON.stringify(report.body)) as Report["body"];
  const index = body.content.findIndex((n) => n.type === "part" && n.attrs.partId === partId);
  const part = body.content[index];
  if (part?.type !== "part") throw new Error(`no part ${partId}`);
  part.content.push(block);
  return { report: Report.parse({ ...report, body }), path: ["body", "content", index, "content", part.content.length - 1] };
}

export function withFields(report: Report, ...fields: FieldInput[]): Report {
  const all = { ...report.fields };
  for (const f of fields) all[f.id] = Field.parse(f);
  return Report.parse({ ...report, fields: all });
}

/** A confirmed count with last year's value, the usual shape after a clerk's review. */
export function countField(id: string, value: string | null, last: string | null, extra: Partial<FieldInput> = {}): FieldInput {
  return {
    id,
    label: `指标${id}`,
    kind: "count",
    value,
    unit: "件",
    status: "confirmed",
    lastYear: last === null ? null : { value: last, unit: "件" },
    ...extra,
  };
}

export function rateField(id: string, value: string | null, last: string | null, extra: Partial<FieldInput> = {}): FieldInput {
  return {
    id,
    label: `比率${id}`,
    kind: "percent",
    value,
    unit: "%",
    decimals: 2,
    status: "confirmed",
    lastYear: last === null ? null : { value: last, unit: "%" },
    ...extra,
  };
}
