import { describe, expect, it } from "vitest";
import { changeField } from "../../../core/edits/change-field";
import { recomputeDependents } from "../../../core/fields/recompute-dependents";
import { createReport } from "../../../core/model/create-report";
import type { Field } from "../../../core/model/field";
import { fixedDeps } from "../../support/deps";
import { xxgkTemplate } from "../../support/template";

const fresh = () => createReport(xxgkTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps()).fields;

function typed(fields: Record<string, Field>, id: string, input: string): Record<string, Field> {
  const field = fields[id];
  if (field === undefined) throw new Error(`no field ${id}`);
  return recomputeDependents({ ...fields, [id]: changeField(field, { fieldId: id, input }) }, [id]);
}

describe("totals after a cell changes", () => {
  it("recomputes the row total, the column total and the total of totals of a typed cell", () => {
    let fields = typed(fresh(), "t3.open.natural", "4");
    fields = typed(fields, "t3.open.legal", "3");
    fields = typed(fields, "t3.partial.natural", "2");
    expect(fields["t3.open.total"]?.value).toBe("7");
    expect(fields["t3.result_total.natural"]?.value).toBe("6");
    expect(fields["t3.result_total.total"]?.value).toBe("9");
    // A cleared input counts as nothing; a total of nothing but blanks is blank again.
    fields = typed(fields, "t3.open.legal", "");
    fields = typed(fields, "t3.open.natural", "");
    expect(fields["t3.open.total"]?.value).toBeNull();
    expect(fields["t3.result_total.total"]?.value).toBe("2");
  });

  it("leaves a total read from a published report alone until one of its own inputs changes", () => {
    const read = fresh();
    const asPublished = (id: string, value: string) => ({ ...read[id], value }) as Field;
    let fields: Record<string, Field> = {
      ...read,
      "t3.new.natural": asPublished("t3.new.natural", "5"),
      "t3.new.total": asPublished("t3.new.total", "8"),
    };
    // Another row's input: the published 8 (which `check` reports) stays as read.
    fields = typed(fields, "t3.carry_in.natural", "1");
    expect(fields["t3.new.total"]?.value).toBe("8");
    expect(fields["t3.carry_in.total"]?.value).toBe("1");
    fields = typed(fields, "t3.new.commercial", "1");
    expect(fields["t3.new.total"]?.value).toBe("6");
  });
});
