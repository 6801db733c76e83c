/** 成文日期 per 7.3.5.4: Arabic numerals, full year, no leading zeros (2024年1月17日). */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) throw new Error(`not an ISO date: ${isoDate}`);
  const [, year = "", month = "", day = ""] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** What a draft without a 成文日期 shows: room for the date to be written in. */
export const UNDATED_PLACEHOLDER = "　　　　年　　月　　日";
