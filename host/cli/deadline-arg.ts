import { z } from "zod";
import type { Report } from "../../core/model/report";
import { parseMonthDay } from "../../core/text/month-day";

/** `--deadline 1月20日` (or 01-20): the unit's own 报送 and 公开 date, from a local notice. */
export const DeadlineArg = z.string().transform((text, ctx) => {
  const date = parseMonthDay(text);
  if (date === null) {
    ctx.addIssue({ code: "custom", message: `--deadline 须为月日，如 1月20日 或 01-20（收到“${text}”）` });
    return z.NEVER;
  }
  return date;
});

/** The report with both its 报送 and 公开 dates set to the day of the year after the report year. */
export function withDeadline(report: Report, monthDay: string): Report {
  return { ...report, meta: { ...report.meta, deadlines: { submit: monthDay, publish: monthDay } } };
}
