import type { Field } from "../model/field";
import type { CheckContext } from "./check-context";
import { at, type Finding } from "./finding";

const NAMED = 3;

/**
 * The cells of each table the clerk has not filled in or not confirmed, one finding per table
 * rather than one per cell (a table has up to 175 of them). Totals follow their inputs.
 */
export function checkTables({ report, template }: CheckContext): Finding[] {
  const byTable = new Map<string, Field[]>();
  for (const field of Object.values(report.fields)) {
    if (field.cell === undefined || field.formula !== undefined) continue;
    byTable.set(field.cell.table, [...(byTable.get(field.cell.table) ?? []), field]);
  }
  const findings: Finding[] = [];
  for (const [tableId, cells] of byTable) {
    const table = template.tables.find((t) => t.id === tableId);
    const name = table?.name ?? tableId;
    const part = table?.part ?? null;
    const blank = cells.filter((f) => f.value === null);
    const unconfirmed = cells.filter((f) => f.value !== null && f.status === "unconfirmed");
    if (blank.length > 0) {
      findings.push({
        id: "TABLE-BLANK",
        severity: "error",
        message: `${name}：${blank.length} 个单元格尚未填写（没有的请填 0，不要留空；检查勾稽关系时按 0 计算），如${named(blank)}`,
        location: at(part, null, blank[0]?.id ?? null),
        fields: blank.map((f) => f.id),
      });
    }
    if (unconfirmed.length > 0) {
      findings.push({
        id: "TABLE-UNCONFIRMED",
        severity: "error",
        message: `${name}：${unconfirmed.length} 个单元格的数字尚未确认，如${named(unconfirmed)}`,
        location: at(part, null, unconfirmed[0]?.id ?? null),
        fields: unconfirmed.map((f) => f.id),
      });
    }
  }
  return findings;
}

function named(cells: readonly Field[]): string {
  return `${cells
    .slice(0, NAMED)
    .map((f) => `“${f.label}”`)
    .join("、")}${cells.length > NAMED ? "等" : ""}`;
}
