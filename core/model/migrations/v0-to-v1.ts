import { z } from "zod";

/*
 * Schema version 0 is the prototype file format: fields were an array with float values and a
 * `confirmed` flag, the template was a bare id and the year sat in `meta.year`. Files written by
 * the prototype are still on clerks' disks, so they must open.
 */
const V0Field = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(["count", "amount", "percent"]),
  value: z.number().nullable(),
  unit: z.string().nullable().optional(),
  qualifier: z.string().nullable().optional(),
  confirmed: z.boolean(),
  lastYearValue: z.number().nullable().optional(),
});

const V0Report = z.object({
  schemaVersion: z.literal(0),
  id: z.string(),
  templateId: z.string(),
  meta: z.object({
    title: z.string(),
    org: z.string(),
    year: z.number().int(),
    date: z.string().nullable().optional(),
  }),
  body: z.unknown(),
  fields: z.array(V0Field),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const QUALIFIERS = new Set(["超", "约", "余", "近", "累计", "以上"]);

export function migrateV0ToV1(raw: unknown): unknown {
  const v0 = V0Report.parse(raw);
  const fields: Record<string, unknown> = {};
  for (const field of v0.fields) {
    fields[field.id] = {
      id: field.id,
      label: field.label,
      kind: field.kind,
      value: floatToDecimal(field.value),
      unit: field.unit ?? null,
      qualifier: field.qualifier && QUALIFIERS.has(field.qualifier) ? field.qualifier : "none",
      status: field.confirmed ? "confirmed" : "unconfirmed",
      lastYear:
        field.lastYearValue === undefined || field.lastYearValue === null
          ? null
          : { value: floatToDecimal(field.lastYearValue), unit: field.unit ?? null },
    };
  }
  return {
    schemaVersion: 1,
    id: v0.id,
    template: { id: v0.templateId, version: 1 },
    meta: { title: v0.meta.title, org: v0.meta.org, reportYear: v0.meta.year, date: v0.meta.date ?? null },
    body: v0.body,
    fields,
    createdAt: v0.createdAt,
    updatedAt: v0.updatedAt,
  };
}

/** Prototype floats were written from decimal input, so the shortest round-trip form is the value. */
function floatToDecimal(value: number | null): string | null {
  if (value === null) return null;
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  const text = String(value);
  if (/e/i.test(text)) throw new Error(`number out of range: ${text}`);
  return text;
}
