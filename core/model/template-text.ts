/** Fills {year}, {nextYear} and {org} in a template heading or title. */
export function fillTemplateText(text: string, values: { year: number; org?: string }): string {
  return text
    .replaceAll("{nextYear}", String(values.year + 1))
    .replaceAll("{year}", String(values.year))
    .replaceAll("{org}", values.org ?? "");
}
