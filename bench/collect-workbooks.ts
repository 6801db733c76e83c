import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Field } from "../core/model/field";
import type { Report } from "../core/model/report";
import { importAnswers } from "../host/collect/import-answers";
import { writeDataRequests } from "../host/collect/write-data-requests";
import { appRoot } from "../host/paths";
import { saveReportFile } from "../host/storage/report-file";
import { fixedDeps } from "../test/support/deps";
import { fixtureReport } from "../test/support/report-from-markdown";
import { median } from "./support/measure-whole";

/** 数据征集: reading back 50 departments' workbooks must take under 2 s (issue 20). */
export const COLLECT_TARGET_MS = 2000;
const DEPARTMENTS = 50;
const FIELDS_PER_DEPARTMENT = 10;

export interface CollectBench {
  workbooks: number;
  fields: number;
  /** importAnswers in process, as the app calls it: read, check, plan, save. */
  inProcess: { firstMs: number; medianMs: number; runs: number };
  /** `nianbao collect <report> --import <50 files>` as a whole process. */
  cli: { medianMs: number; runs: number };
}

/**
 * A report of 500 fields asked of 50 departments, each workbook filled by openpyxl (not our
 * library), then all 50 read back into a fresh copy of the report per run.
 */
export async function benchCollect(runs: number, log: (line: string) => void): Promise<CollectBench> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-collect-"));
  try {
    const base = fixtureReport();
    const fields: Record<string, Field> = {};
    for (let i = 0; i < DEPARTMENTS * FIELDS_PER_DEPARTMENT; i++) {
      const id = `g${i}`;
      fields[id] = Field.parse({
        id,
        label: `指标${i}`,
        kind: i % 10 === 9 ? "percent" : "count",
        value: null,
        unit: i % 10 === 9 ? "%" : "件",
        status: "unconfirmed",
        source: `部门${String(i % DEPARTMENTS).padStart(2, "0")}`,
        lastYear: { value: i % 10 === 9 ? "93.5" : String(100 + i) },
      });
    }
    const report: Report = { ...base, fields };
    const reportPath = join(dir, "report.nianbao");
    await saveReportFile(reportPath, report);
    const written = await writeDataRequests(report, join(dir, "requests"), { force: false, clock: fixedDeps() });
    const fill = join(appRoot(), "test/host/collect/support/fill-workbook.py");
    const answers: string[] = [];
    for (const [n, request] of written.files.entries()) {
      const out = join(dir, `answer-${n}.xlsx`);
      const values = Object.fromEntries(
        Object.values(fields)
          .filter((f) => f.source === request.department)
          .map((f, k) => [f.id, f.kind === "percent" ? 95.5 : 200 + k]),
      );
      const r = spawnSync("/usr/bin/python3", [fill, request.path, out, JSON.stringify({ values, respondent: "填报人" })], {
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`fill-workbook.py failed: ${r.stderr}`);
      answers.push(out);
    }
    log(`collect: ${answers.length} workbooks filled`);
    const fresh = (n: number) => {
      const path = join(dir, `run-${n}.nianbao`);
      copyFileSync(reportPath, path);
      return path;
    };
    const time = async (n: number) => {
      const path = fresh(n);
      const start = performance.now();
      const files = answers.map((p) => ({ path: p, name: basename(p) }));
      const done = await importAnswers(path, files, { acceptFormulas: false, clock: fixedDeps() });
      const ms = performance.now() - start;
      if (done.result.applied.length !== DEPARTMENTS * FIELDS_PER_DEPARTMENT) throw new Error("not every answer was read in");
      return ms;
    };
    const firstMs = await time(0);
    const times: number[] = [];
    for (let n = 1; n <= runs; n++) times.push(await time(n));
    const cliTimes: number[] = [];
    for (let n = 0; n < Math.max(1, Math.ceil(runs / 2)); n++) {
      const path = fresh(1000 + n);
      const start = performance.now();
      const r = spawnSync(process.execPath, [join(appRoot(), "bin/nianbao.cjs"), "collect", path, "--import", ...answers], {
        encoding: "utf8",
      });
      cliTimes.push(performance.now() - start);
      if (r.status !== 0) throw new Error(`nianbao collect failed: ${r.stderr}`);
    }
    return {
      workbooks: answers.length,
      fields: DEPARTMENTS * FIELDS_PER_DEPARTMENT,
      inProcess: { firstMs: Math.round(firstMs), medianMs: Math.round(median(times)), runs },
      cli: { medianMs: Math.round(median(cliTimes)), runs: cliTimes.length },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function collectVerdict(b: CollectBench): string {
  const mark = (ms: number) => (ms < COLLECT_TARGET_MS ? "✓" : "✗");
  return [
    `| case | first (ms) | median (ms) | runs | target |`,
    `|---|---|---|---|---|`,
    `| read ${b.workbooks} returned workbooks (${b.fields} answers), in process | ${b.inProcess.firstMs} | ${b.inProcess.medianMs} | ${b.inProcess.runs} | < ${COLLECT_TARGET_MS} ${mark(b.inProcess.medianMs)} |`,
    `| the same, \`nianbao collect --import\` whole process | – | ${b.cli.medianMs} | ${b.cli.runs} | < ${COLLECT_TARGET_MS} ${mark(b.cli.medianMs)} |`,
  ].join("\n");
}
