import type { Field } from "../model/field";
import { recomputeFormulas } from "./formulas";

/**
 * The fields after `changed` were edited: every total that depends on them (directly or through
 * another total) recomputed, every other field as it was. Only the dependents: a total read from a
 * published report that disagrees with its inputs stays as read until one of its inputs changes,
 * so `check` can still report it (the clerk applies the fix, nothing corrects it silently).
 */
export function recomputeDependents(fields: Readonly<Record<string, Field>>, changed: readonly string[]): Record<string, Field> {
  const dependents = new Set<string>();
  const touched = new Set(changed);
  let grew = true;
  while (grew) {
    grew = false;
    for (const field of Object.values(fields)) {
      if (field.formula === undefined || dependents.has(field.id)) continue;
      if (field.formula.sum.some((id) => touched.has(id))) {
        dependents.add(field.id);
        touched.add(field.id);
        grew = true;
      }
    }
  }
  if (dependents.size === 0) return { ...fields };
  // Totals outside the chain act as plain numbers, so recomputeFormulas leaves them as they are.
  const frozen = Object.fromEntries(
    Object.entries(fields).map(([id, field]) => {
      if (field.formula === undefined || dependents.has(id)) return [id, field];
      const { formula: _formula, ...plain } = field;
      return [id, plain];
    }),
  );
  const computed = recomputeFormulas(frozen);
  const out: Record<string, Field> = { ...fields };
  for (const id of dependents) {
    const next = computed[id];
    if (next !== undefined) out[id] = next;
  }
  return out;
}
