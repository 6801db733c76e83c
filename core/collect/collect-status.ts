import type { Report } from "../model/report";

export interface DepartmentStatus {
  department: string;
  fields: number;
  /** Fields with at least one answer from this department. */
  answered: number;
  missing: string[];
  /** Fields where this department's answer was kept aside as a conflict and the value is not yet confirmed. */
  conflicts: string[];
}

/** The 数据征集 status board: per department named in the fields, what has come back and what is missing. */
export function collectStatus(report: Report): { departments: DepartmentStatus[]; unassigned: string[] } {
  const byDepartment = new Map<string, DepartmentStatus>();
  const unassigned: string[] = [];
  for (const field of Object.values(report.fields)) {
    if (field.formula !== undefined) continue;
    if (field.source === null) {
      unassigned.push(field.id);
      continue;
    }
    const entry = byDepartment.get(field.source) ?? { department: field.source, fields: 0, answered: 0, missing: [], conflicts: [] };
    entry.fields++;
    const answers = (field.provenance ?? []).filter((p) => p.department === field.source);
    if (answers.length > 0) entry.answered++;
    else entry.missing.push(field.id);
    if (field.status !== "confirmed" && answers.some((p) => p.outcome === "conflict")) entry.conflicts.push(field.id);
    byDepartment.set(field.source, entry);
  }
  return { departments: [...byDepartment.values()], unassigned };
}
