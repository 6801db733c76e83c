import { bench, describe } from "vitest";
import { checkReport } from "../core/checks/check-report";
import { fieldYoy } from "../core/fields/compare-yoy";
import { fieldText } from "../core/fields/field-text";
import { formatField } from "../core/fields/format-field";
import { parseValue } from "../core/fields/parse-value";
import type { BlockNode } from "../core/model/doc";
import { Field } from "../core/model/field";
import { Report } from "../core/model/report";
import { cleanReport } from "../test/core/checks/crafted-report";
import { fazhiTemplate } from "../test/support/template";

/** A report far larger than any real one: 2000 fields, each shown with its YoY in its own paragraph. */
function largeReport(fieldCount: number): Report {
  const base = cleanReport();
  const fields: Record<string, Field> = {};
  const paragraphs: BlockNode[] = [];
  for (let i = 0; i < fieldCount; i++) {
    const id = `f${i}`;
    const rate = i % 5 === 0;
    fields[id] = Field.parse({
      id,
      label: `指标${i}`,
      kind: rate ? "percent" : "count",
      value: rate ? String(80 + (i % 20)) : String(1000 + i * 37),
      unit: rate ? "%" : "件",
      scale: !rate && i % 3 === 0 ? "万" : "none",
      qualifier: i % 7 === 0 ? "超" : "none",
      status: i % 2 === 0 ? "confirmed" : "unconfirmed",
      lastYear: { value: rate ? String(79 + (i % 20)) : String(900 + i * 35), unit: rate ? "%" : "件" },
    });
    paragraphs.push({
      type: "paragraph",
      attrs: { carried: i % 4 === 0 },
      content: [
        { type: "text", text: `2023年以来第${i}项工作,共办理117件，` },
        { type: "reportField", attrs: { fieldId: id, show: "value" } },
        { type: "text", text: "，" },
        { type: "reportField", attrs: { fieldId: id, show: "yoy" } },
        { type: "text", text: "。" },
      ],
    });
  }
  const body = JSON.parse(JSON.stringify(base.body)) as Report["body"];
  const measures = body.content.find((n) => n.type === "part" && n.attrs.partId === "measures");
  if (measures?.type === "part") measures.content.push(...paragraphs);
  return Report.parse({ ...base, body, fields });
}

const report = largeReport(2000);
const template = fazhiTemplate();
const all = Object.values(report.fields);

describe("fields on a 2000-field report", () => {
  bench("format every field", () => {
    for (const f of all) formatField(f);
  });
  bench("YoY wording for every field", () => {
    for (const f of all) fieldYoy(f);
  });
  bench("resolve every atom's text", () => {
    for (const f of all) {
      fieldText(report, f.id, "value");
      fieldText(report, f.id, "yoy");
    }
  });
  bench("parse 2000 typed values", () => {
    for (let i = 0; i < 2000; i++) parseValue(i % 2 === 0 ? `超${i}.5万件` : `${i}余`);
  });
  bench("check the whole report", () => {
    checkReport(report, template, { today: "2025-01-20" });
  });
});
