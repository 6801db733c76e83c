import { daysBetween, formatChineseDate } from "../text/chinese-date";
import type { CheckContext } from "./check-context";
import { at, type Finding } from "./finding";

/**
 * The statutory dates (报送 3月1日, 公开 4月1日 of the year after the report year, or the
 * template's local dates), counted from the injected today.
 */
export function checkDeadlines({ report, template, today }: CheckContext): Finding[] {
  const year = report.meta.reportYear + 1;
  // A unit's own dates (a local notice) win over the template's.
  const dates = report.meta.deadlines ?? template.deadlines;
  const deadlines = [
    { id: "DEADLINE-SUBMIT", what: "报送", date: `${year}-${dates.submit}`, done: report.workflow.state === "published" },
    {
      id: "DEADLINE-PUBLISH",
      what: "向社会公开",
      date: `${year}-${dates.publish}`,
      done: report.workflow.state === "published",
    },
  ];
  return deadlines
    .filter((d) => !d.done)
    .map((d) => {
      const days = daysBetween(today, d.date);
      const when = formatChineseDate(d.date);
      const message =
        days > 0
          ? `${d.what}期限为 ${when}，还有 ${days} 天`
          : days === 0
            ? `今天（${when}）是${d.what}期限`
            : `已超过${d.what}期限（${when}）${-days} 天`;
      return { id: d.id, severity: "info" as const, message, location: at(null) };
    });
}
