import { createReport } from "../../core/model/create-report";
import { DocNode } from "../../core/model/doc";
import { Field } from "../../core/model/field";
import type { Report } from "../../core/model/report";
import type { Template } from "../../core/model/template";
import { fixedDeps } from "../../test/support/deps";

const SENTENCE = "坚持依法行政，深化行政执法体制改革，规范行政执法行为，全年共办理行政复议案件";

/** ≈60,000 characters in the four statutory parts (about 100 printed pages), 200 field chips of 20 fields. */
export function hundredPageReport(template: Template): Report {
  const fields = Array.from({ length: 20 }, (_, i) =>
    Field.parse({ id: `f${i}`, label: `指标${i}`, kind: "count", value: String(100 + i), unit: "件", status: "confirmed" }),
  );
  let n = 0;
  const paragraph = () => ({
    type: "paragraph",
    content: [
      { type: "text", text: SENTENCE.repeat(4) },
      { type: "reportField", attrs: { fieldId: fields[n++ % fields.length]?.id } },
      { type: "text", text: `，${SENTENCE.repeat(4)}` },
    ],
  });
  const parts = template.parts
    .filter((p) => p.required)
    .map((part, i) => ({
      type: "part",
      attrs: { partId: part.id },
      content: [
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: `${i + 1}、${part.heading}` }] },
        ...Array.from({ length: 50 }, paragraph),
      ],
    }));
  const base = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
  return { ...base, body: DocNode.parse({ type: "doc", content: parts }), fields: Object.fromEntries(fields.map((f) => [f.id, f])) };
}
