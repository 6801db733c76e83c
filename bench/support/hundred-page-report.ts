import { createReport } from "../../core/model/create-report";
import { DocNode } from "../../core/model/doc";
import { Field } from "../../core/model/field";
import type { Report } from "../../core/model/report";
import type { Template } from "../../core/model/template";
import { fixedDeps } from "../../test/support/deps";

const SENTENCE = "坚持依法行政，深化行政执法体制改革，规范行政执法行为，全年共办理行政复议案件";

/** The field whose every paragraph also words its 同比, once as a computed wording and once through a bound growth field. */
export const YOY_FIELD_ID = "f0";
export const GROWTH_FIELD_ID = "g0";

/**
 * ≈60,000 characters in the four statutory parts (about 100 printed pages), 200 value chips of 20
 * fields, each with last year's value; the ten paragraphs of f0 also carry its 同比 twice (a "yoy"
 * chip and the chip of g0, a growth field computed from f0), so one edit of f0 changes 30 texts.
 */
/** The bench report; fewer paragraphs per part give the same report in miniature (the typing floor). */
export function hundredPageReport(template: Template, paragraphsPerPart = 50): Report {
  const fields = Array.from({ length: 20 }, (_, i) =>
    Field.parse({
      id: `f${i}`,
      label: `指标${i}`,
      kind: "count",
      value: String(100 + i),
      unit: "件",
      status: "confirmed",
      lastYear: { value: String(90 + i), unit: "件" },
    }),
  );
  const growth = Field.parse({
    id: GROWTH_FIELD_ID,
    label: "指标0增幅",
    kind: "growth",
    value: null,
    unit: "%",
    decimals: 2,
    status: "unconfirmed",
    baseFieldId: YOY_FIELD_ID,
  });
  let n = 0;
  const paragraph = () => {
    const fieldId = fields[n++ % fields.length]?.id;
    const yoy =
      fieldId === YOY_FIELD_ID
        ? [
            { type: "text", text: "，" },
            { type: "reportField", attrs: { fieldId, show: "yoy" } },
            { type: "text", text: "，即同比增长" },
            { type: "reportField", attrs: { fieldId: GROWTH_FIELD_ID } },
          ]
        : [];
    return {
      type: "paragraph",
      content: [
        { type: "text", text: SENTENCE.repeat(4) },
        { type: "reportField", attrs: { fieldId } },
        ...yoy,
        { type: "text", text: `，${SENTENCE.repeat(4)}` },
      ],
    };
  };
  const parts = template.parts
    .filter((p) => p.required)
    .map((part, i) => ({
      type: "part",
      attrs: { partId: part.id },
      content: [
        { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: `${i + 1}、${part.heading}` }] },
        ...Array.from({ length: paragraphsPerPart }, paragraph),
      ],
    }));
  const base = createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
  return {
    ...base,
    body: DocNode.parse({ type: "doc", content: parts }),
    fields: Object.fromEntries([...fields, growth].map((f) => [f.id, f])),
  };
}
