/**
 * `date` as ISO 8601 in the machine's own UTC offset (2025-01-20T09:30:00.000+08:00), so that a
 * 成文日期 taken from it is the local calendar day, not the UTC one. Callers pass the date: core
 * has no clock of its own.
 */
export function localIso(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
