import { useUiStore } from "../../state/ui-store";

/** Opens the 字段 panel widened to its table, where values read in from elsewhere are checked and confirmed. */
export function showFieldsTable(): void {
  const ui = useUiStore.getState();
  ui.setPanel("fields");
  ui.setFieldsWide(true);
}
