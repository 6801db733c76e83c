import type { StateCreator } from "zustand/vanilla";
import type { FieldsSlice, ReportState, ReportStoreDeps } from "../report-state";

/**
 * Field values live here, not in the document: a value edit re-renders only the chips of that
 * field and never fights IME composition (architecture.md §6.1).
 */
export function fieldsSlice(deps: ReportStoreDeps): StateCreator<ReportState, [], [], FieldsSlice> {
  return (set, get) => {
    const changed = () => ({ revision: get().revision + 1, status: "dirty" as const });
    return {
      fields: deps.opened.report.fields,
      addField: (field) => set({ fields: { ...get().fields, [field.id]: field }, ...changed() }),
      updateField: (fieldId, patch) => {
        const current = get().fields[fieldId];
        if (current === undefined) return;
        set({ fields: { ...get().fields, [fieldId]: { ...current, ...patch, id: fieldId } }, ...changed() });
      },
      restoreField: (field) => set({ fields: { ...get().fields, [field.id]: field }, ...changed() }),
      removeField: (fieldId) => {
        const { [fieldId]: _removed, ...rest } = get().fields;
        set({ fields: rest, ...changed() });
      },
    };
  };
}
