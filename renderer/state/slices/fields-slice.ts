import type { StateCreator } from "zustand/vanilla";
import { recomputeDependents } from "../../../core/fields/recompute-dependents";
import type { Field } from "../../../core/model/field";
import type { FieldsSlice, ReportState, ReportStoreDeps } from "../report-state";

/**
 * Field values live here, not in the document: a value edit re-renders only the chips of that
 * field and never fights IME composition (architecture.md §6.1). A table's totals follow every
 * change of their inputs here, whoever made it (a cell, the popover, undo, a check's fix).
 */
export function fieldsSlice(deps: ReportStoreDeps): StateCreator<ReportState, [], [], FieldsSlice> {
  return (set, get) => {
    const changed = () => ({ revision: get().revision + 1, status: "dirty" as const });
    const withField = (field: Field) => recomputeDependents({ ...get().fields, [field.id]: field }, [field.id]);
    return {
      fields: deps.opened.report.fields,
      addField: (field) => set({ fields: withField(field), ...changed() }),
      updateField: (fieldId, patch) => {
        const current = get().fields[fieldId];
        if (current === undefined) return;
        set({ fields: withField({ ...current, ...patch, id: fieldId }), ...changed() });
      },
      restoreField: (field) => set({ fields: withField(field), ...changed() }),
      removeField: (fieldId) => {
        const { [fieldId]: _removed, ...rest } = get().fields;
        set({ fields: recomputeDependents(rest, [fieldId]), ...changed() });
      },
    };
  };
}
