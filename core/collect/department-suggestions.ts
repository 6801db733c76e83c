import type { Field } from "../model/field";
import type { Template } from "../model/template";
import { indicatorOf } from "./indicator-of";

/**
 * The 来源部门 offered for `targets` (one field, or the rows selected together): the offices the
 * template's indicator catalogue names for what they report, then the departments this report
 * already names, the most used first. Nothing here is a rule: the clerk may type any office.
 */
export function departmentSuggestions(
  targets: readonly Field[],
  fields: Readonly<Record<string, Field>>,
  template: Pick<Template, "indicators">,
): string[] {
  const out = new Set<string>();
  for (const target of targets) {
    for (const department of indicatorOf(target, template.indicators)?.departments ?? []) out.add(department);
  }
  const used = new Map<string, number>();
  for (const field of Object.values(fields)) {
    if (field.source !== null) used.set(field.source, (used.get(field.source) ?? 0) + 1);
  }
  for (const [department] of [...used].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"))) out.add(department);
  return [...out];
}
