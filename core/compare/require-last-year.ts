import { NianbaoError } from "../errors/nianbao-error";
import type { LastYearSnapshot, Report } from "../model/report";

/** Last year's snapshot, or the error that says how to get one (a report not rolled forward has none). */
export function requireLastYear(report: Report): LastYearSnapshot {
  if (report.lastYear) return report.lastYear;
  throw new NianbaoError(
    "invalid_input",
    "此报告没有上年报告可对照：请用“以上年报告为基础新建”（nianbao import <上年报告> --roll-forward）创建。",
    "this report has no last-year snapshot to compare with; create it with `nianbao import <last year> --roll-forward`",
  );
}

/** Last year's snapshot as a report of its own, so it can be laid out like this year's. */
export function lastYearReport(report: Report): Report {
  const last = requireLastYear(report);
  return { ...report, meta: last.meta, body: last.body, fields: last.fields, lastYear: null };
}
