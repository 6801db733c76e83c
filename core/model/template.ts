import { z } from "zod";
import { FieldId, FieldKind } from "./field";
import { PartId } from "./part-id";
import { TemplateRule } from "./template-rule";
import { tableFieldCells, TemplateTable } from "./template-table";

/** Placeholders a heading may contain: {year} is the report year, {nextYear} the one after. */
const HeadingText = z.string().min(1).max(200);

export const TemplateSubsection = z.object({
  id: z.string().regex(/^[a-z][A-Za-z0-9-]*$/),
  heading: HeadingText,
  guidance: z.string().min(1),
});
export type TemplateSubsection = z.infer<typeof TemplateSubsection>;

export const TemplatePart = z.object({
  id: PartId,
  /** Canonical heading without its numbering; numbering is added by position (一、二、…). */
  heading: HeadingText,
  /** Headings real reports use for this part, matched tolerantly on import. */
  variants: z.array(z.string().min(1)).min(1),
  required: z.boolean(),
  guidance: z.string().min(1),
  subsections: z.array(TemplateSubsection).default([]),
});
export type TemplatePart = z.infer<typeof TemplatePart>;

export const TemplateIndicator = z.object({
  label: z.string().min(1),
  kind: FieldKind,
  unit: z.string().nullable(),
  part: PartId,
  /** The offices that usually hold this figure, first the likeliest: the 来源部门 the fields table suggests. */
  departments: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
});
export type TemplateIndicator = z.infer<typeof TemplateIndicator>;

export const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const Template = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    name: z.string().min(1),
    title: HeadingText,
    basis: z.string().min(1),
    deadlines: z.object({
      /** 报送 and 公开 dates, in the year after the report year. */
      submit: MonthDay,
      publish: MonthDay,
    }),
    parts: z.array(TemplatePart).min(1),
    indicators: z.array(TemplateIndicator).default([]),
    /** The exported files' subject (core.xml, PDF info); {year} and {org} filled in. */
    subject: z.string().min(1).max(200).optional(),
    /** An optional opening paragraph before 一、 (编制说明), offered with its guidance. */
    opening: z
      .object({ guidance: z.string().min(1) })
      .strict()
      .optional(),
    /** Whether a new report prints the 落款 (发文机关 and 成文日期) at the end. */
    signatureBlock: z.boolean().default(true),
    /** Fixed tables of fields, each placed after its part's heading. */
    tables: z.array(TemplateTable).default([]),
    /** Consistency rules over the tables' cells, checked by core/checks/check-rules.ts. */
    rules: z.array(TemplateRule).default([]),
    /**
     * Cells a rolled-forward report prefills from last year's cells (上年结转 from 结转下年度);
     * the value is unconfirmed until the clerk checks it.
     */
    carryForward: z
      .array(z.object({ to: FieldId, from: FieldId }).strict())
      .max(200)
      .default([]),
    /**
     * Earlier editions of the format an imported report may still use (the 2019 trial tables):
     * labels only they print, so the import can say which edition it read and what it left out.
     */
    formerFormats: z
      .array(z.object({ name: z.string().min(1).max(100), labels: z.array(z.string().min(1).max(100)).min(1).max(50) }).strict())
      .max(10)
      .default([]),
  })
  .superRefine((template, ctx) => {
    const cells = tableFieldCells(template.tables);
    const cellIds = new Set<string>();
    cells.forEach(({ cell }) => {
      if (cellIds.has(cell.field))
        ctx.addIssue({ code: "custom", path: ["tables"], message: `单元格编号重复：${cell.field} (duplicate cell id)` });
      cellIds.add(cell.field);
    });
    for (const { cell } of cells) {
      for (const id of cell.sumOf ?? []) {
        if (!cellIds.has(id))
          ctx.addIssue({ code: "custom", path: ["tables"], message: `${cell.field} 的合计引用了不存在的单元格 ${id} (unknown cell)` });
      }
    }
    const cycle = formulaCycle(new Map(cells.map(({ cell }) => [cell.field, cell.sumOf ?? []])));
    if (cycle !== null) ctx.addIssue({ code: "custom", path: ["tables"], message: `合计循环引用：${cycle} (circular sums)` });
    template.tables.forEach((table, index) => {
      if (!template.parts.some((p) => p.id === table.part))
        ctx.addIssue({ code: "custom", path: ["tables", index, "part"], message: `表格所属部分不存在：${table.part} (unknown part)` });
    });
    template.rules.forEach((rule, index) => {
      for (const term of ruleTerms(rule)) {
        if (!cellIds.has(term))
          ctx.addIssue({ code: "custom", path: ["rules", index], message: `规则 ${rule.id} 引用了不存在的单元格 ${term} (unknown cell)` });
      }
    });
    template.carryForward.forEach(({ to, from }, index) => {
      for (const id of [to, from])
        if (!cellIds.has(id))
          ctx.addIssue({ code: "custom", path: ["carryForward", index], message: `结转引用了不存在的单元格 ${id} (unknown cell)` });
      if (cells.some(({ cell }) => cell.field === to && cell.sumOf !== undefined))
        ctx.addIssue({
          code: "custom",
          path: ["carryForward", index],
          message: `合计单元格不能预填：${to} (a computed cell cannot be prefilled)`,
        });
    });
    const seen = new Set<string>();
    template.parts.forEach((part, index) => {
      if (seen.has(part.id)) {
        ctx.addIssue({ code: "custom", path: ["parts", index, "id"], message: `部分编号重复：${part.id} (duplicate part id)` });
      }
      seen.add(part.id);
    });
  });
export type Template = z.infer<typeof Template>;
export type TemplateInput = z.input<typeof Template>;

/** A cell that, through its sums, adds itself up ("a → b → a"), or null. */
function formulaCycle(sums: ReadonlyMap<string, readonly string[]>): string | null {
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, trail: string[]): string | null => {
    if (state.get(id) === "done") return null;
    if (state.get(id) === "visiting") return [...trail, id].join(" → ");
    state.set(id, "visiting");
    for (const next of sums.get(id) ?? []) {
      const found = visit(next, [...trail, id]);
      if (found !== null) return found;
    }
    state.set(id, "done");
    return null;
  };
  for (const id of sums.keys()) {
    const found = visit(id, []);
    if (found !== null) return found;
  }
  return null;
}

/** The cell ids a rule reads, its forEach variables filled in with every value. */
export function ruleTerms(rule: TemplateRule): string[] {
  const sums =
    rule.kind === "compare"
      ? [rule.left, rule.right, ...(rule.when ? [rule.when] : [])]
      : rule.kind === "prose"
        ? rule.figures
        : rule.kind === "text" && rule.when
          ? [rule.when]
          : [];
  const raw = sums.flatMap((s) => s.terms).map((t) => t.replace(/^-/, "").replace(/^prev:/, ""));
  const bindings = rule.kind === "compare" ? expandForEach(rule.forEach) : [{}];
  return [...new Set(bindings.flatMap((b) => raw.map((t) => fillVariables(t, b))))];
}

/** Every combination of the forEach variables' values (one empty binding without forEach). */
export function expandForEach(
  forEach: Readonly<Record<string, readonly { value: string; label: string }[]>> | undefined,
): Record<string, { value: string; label: string }>[] {
  let bindings: Record<string, { value: string; label: string }>[] = [{}];
  for (const [name, values] of Object.entries(forEach ?? {})) {
    bindings = bindings.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
  }
  return bindings;
}

/** "t3.new.{c}" with c = natural → "t3.new.natural"; `label` fills in the variables' labels instead. */
export function fillVariables(
  text: string,
  binding: Readonly<Record<string, { value: string; label: string }>>,
  use: "value" | "label" = "value",
): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) => binding[name]?.[use] ?? whole);
}
