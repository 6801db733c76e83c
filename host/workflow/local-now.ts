/**
 * Now as ISO 8601 with the machine's UTC offset (2025-01-20T09:30:00.000+08:00), so that the
 * 成文日期 core takes from it is the local calendar day, not the UTC one.
 */
export function localNow(date: Date = new Date()): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
