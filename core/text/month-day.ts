/**
 * A date in the year as a clerk writes it (1月15日, 01-15, 1-15, 1/15) as "MM-DD", or null when it
 * is none (2月30日). Leap day is allowed: the deadline is checked in whichever year it falls.
 */
export function parseMonthDay(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?\s*$/u.exec(
    text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
  if (m?.[1] === undefined || m[2] === undefined) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return null;
  return `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
