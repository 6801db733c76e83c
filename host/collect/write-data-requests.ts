import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fieldSentences } from "../../core/collect/field-sentence";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { describeReport } from "../../core/inspect/describe-report";
import type { CoreDeps } from "../../core/model/deps";
import type { Field } from "../../core/model/field";
import { reportTitle } from "../../core/model/issuing-org";
import type { Report } from "../../core/model/report";
import type { RequestRecord } from "./request-layout";
import { writeRequestWorkbook } from "./write-request-workbook";

export interface WrittenRequest {
  department: string;
  path: string;
  requestId: string;
  fields: number;
}

export interface WrittenRequests {
  files: WrittenRequest[];
  /** Fields no department was named for (totals excluded: they are computed). */
  unassigned: string[];
}

/**
 * Writes one data-request workbook per department named in the fields' `source` into `outDir`.
 * The report is only read. Existing workbooks are replaced only with `force`, checked for all
 * departments before any file is written.
 */
export async function writeDataRequests(
  report: Report,
  outDir: string,
  options: { force: boolean; clock: Pick<CoreDeps, "newId"> },
): Promise<WrittenRequests> {
  const askable = Object.values(report.fields).filter((f) => f.formula === undefined);
  const byDepartment = new Map<string, Field[]>();
  for (const field of askable) {
    if (field.source === null) continue;
    const list = byDepartment.get(field.source) ?? [];
    list.push(field);
    byDepartment.set(field.source, list);
  }
  if (byDepartment.size === 0) {
    throw new NianbaoError(
      "invalid_input",
      "还没有为任何字段指定填报部门，无法生成数据征集表。请先指定，如：nianbao fields <报告> --source f16=信访办",
      "no field has a source department; assign them first, e.g. nianbao fields <report> --source f16=信访办",
    );
  }
  const described = new Map(describeReport(report).fields.map((f) => [f.id, f]));
  const sentences = fieldSentences(report);
  const plans = [...byDepartment].map(([department, fields]) => ({
    department,
    fields,
    path: join(outDir, `${report.meta.reportYear}年度数据征集-${safeFileName(department)}.xlsx`),
  }));
  const names = new Set<string>();
  for (const plan of plans) {
    if (names.has(plan.path)) {
      throw new NianbaoError(
        "invalid_input",
        `部门名称“${plan.department}”与另一个部门的文件名相同，请改名。`,
        `two departments map to ${plan.path}`,
      );
    }
    names.add(plan.path);
    if (!options.force && (await exists(plan.path))) {
      throw new NianbaoError(
        "invalid_input",
        `文件已存在：${plan.path}。为免覆盖已发出的征集表，未生成任何文件；请换一个文件夹，或加 --force 覆盖。`,
        `${plan.path} exists; nothing written (use another folder or --force)`,
      );
    }
  }
  await mkdir(outDir, { recursive: true });
  const heading = { org: report.meta.org, title: reportTitle(report.meta) ?? "" };
  const files: WrittenRequest[] = [];
  for (const plan of plans) {
    const record: RequestRecord = {
      requestId: options.clock.newId(),
      reportId: report.id,
      reportYear: report.meta.reportYear,
      templateId: report.template.id,
      department: plan.department,
      rows: plan.fields.map((f) => ({
        fieldId: f.id,
        label: f.label,
        sentence: sentences.get(f.id) ?? f.sourceText ?? (f.cell === undefined ? "" : `表格 ${f.cell.table}：${f.label}`),
        lastYear: described.get(f.id)?.lastYearText ?? "",
        unit: f.unit ?? "",
        kind: f.kind,
      })),
    };
    await writeFile(plan.path, await writeRequestWorkbook(record, plan.fields, heading));
    files.push({ department: plan.department, path: plan.path, requestId: record.requestId, fields: plan.fields.length });
  }
  const unassigned = askable.filter((f) => f.source === null).map((f) => f.id);
  return { files, unassigned };
}

/** Characters Windows and macOS refuse in file names become "_". */
function safeFileName(name: string): string {
  return [...name]
    .map((c) => (/[\\/:*?"<>|]/u.test(c) || c.charCodeAt(0) < 0x20 ? "_" : c))
    .join("")
    .slice(0, 80);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
