import { Exact } from "./exact";
import type { Field } from "../model/field";
import { plainDecimal } from "./parse-value";

/**
 * The fields with every derived value (a table's 总计) recomputed from its inputs: a blank input
 * counts as 0, a total of nothing but blanks stays blank. A derived field is as confirmed as all
 * its inputs. Unchanged fields keep their identity, so callers can compare cheaply.
 */
export function recomputeFormulas(fields: Readonly<Record<string, Field>>): Record<string, Field> {
  const out: Record<string, Field> = { ...fields };
  const done = new Set<string>();
  // Sums of sums (（七）总计 of the 总计 column) come out right whatever the order of the fields.
  const resolve = (id: string, depth: number): Field | undefined => {
    const field = out[id];
    if (field === undefined || field.formula === undefined || done.has(id) || depth > 50) return field;
    const inputs = field.formula.sum.map((input) => resolve(input, depth + 1));
    const known = inputs.filter((f): f is Field => f !== undefined && f.value !== null);
    const value = known.length === 0 ? null : plainDecimal(known.reduce((sum, f) => sum.plus(new Exact(f.value ?? "0")), new Exact(0)));
    const confirmed = inputs.length > 0 && inputs.every((f) => f !== undefined && f.value !== null && f.status === "confirmed");
    const status: Field["status"] = confirmed ? "confirmed" : "unconfirmed";
    const decimals = Math.max(0, ...known.map((f) => f.decimals));
    const next =
      field.value === value && field.status === status && field.decimals === decimals ? field : { ...field, value, status, decimals };
    out[id] = next;
    done.add(id);
    return next;
  };
  for (const id of Object.keys(out)) resolve(id, 0);
  return out;
}
