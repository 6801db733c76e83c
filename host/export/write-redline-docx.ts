import { redlineLines, type RedlineInput, type Revision } from "../../core/compare/redline-lines";
import { lastYearReport } from "../../core/compare/require-last-year";
import { buildExportModel } from "../../core/export-model/build-export-model";
import type { LayoutProfile } from "../../core/model/layout-profile";
import type { Report } from "../../core/model/report";
import type { Template } from "../../core/model/template";
import { docxSections, writeDocxSections, type DocxBlock, type DocxLine, type DocxRunFormat, type DocxTable } from "./write-docx";

export const REDLINE_AUTHOR = "上年对照";

/** A section start, so last year's and this year's attachments line up like any other line. */
interface SectionStart {
  kind: "section";
}
type Unit = DocxBlock | SectionStart;

/**
 * This year's report as tracked changes against last year's snapshot, in the same GB/T 9704 set-up
 * as the ordinary .docx: accepting every change gives this year's document, rejecting every
 * change last year's. Both sides use this year's layout profile, so only the words differ.
 */
export async function writeRedlineDocx(report: Report, template: Template, profile: LayoutProfile): Promise<Uint8Array> {
  const last = lastYearReport(report);
  const model = buildExportModel(report, template, { profile });
  const now = units(docxSections(model));
  const before = units(docxSections(buildExportModel(last, template, { profile })));
  const sections: DocxBlock[][] = [[]];
  for (const line of redlineLines(now, before)) {
    const unit = line.source;
    if (unit.kind === "section") {
      // A section last year had and this year has not: its lines join the section before.
      if (line.mark !== "delete") sections.push([]);
      continue;
    }
    const block: DocxBlock =
      unit.kind === "line"
        ? { ...unit, runs: line.runs.map((r) => ({ text: r.text, format: r.format, change: r.change })), mark: line.mark }
        : line.mark === null && line.lastYear?.kind === "table"
          ? revisedTable(unit, line.lastYear)
          : markedTable(unit, line.mark);
    sections[sections.length - 1]?.push(block);
  }
  keepSectionBreaks(sections);
  return writeDocxSections(profile, sections, { author: REDLINE_AUTHOR, date: revisionDate(report.updatedAt) }, model.info);
}

/**
 * A section's break sits in its last paragraph's mark, so a deleted last paragraph would delete
 * the page break before an attachment too. Deleted lines at a section's end move to the start of
 * the next: accepting still gives this year's pages exactly; rejecting shows them a page later.
 */
function keepSectionBreaks(sections: DocxBlock[][]): void {
  sections.forEach((section, i) => {
    const next = sections[i + 1];
    if (next === undefined) return;
    for (let last = section.at(-1); last?.kind === "line" && last.mark === "delete"; last = section.at(-1)) {
      section.pop();
      next.unshift(last);
    }
  });
}

/** The changes were made by the time the report was last saved; Word wants whole seconds. */
function revisionDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function units(sections: DocxBlock[][]): RedlineInput<Unit, DocxRunFormat>[] {
  return sections.flatMap((section, i): RedlineInput<Unit, DocxRunFormat>[] => [
    ...(i === 0 ? [] : [{ kind: "section", runs: [], source: { kind: "section" as const } }]),
    ...section.map((block) =>
      block.kind === "line"
        ? { kind: block.role, runs: block.runs, source: block }
        : { kind: `table:${tableShape(block)}`, runs: [{ text: tableText(block), format: {} }], source: block },
    ),
  ]);
}

/** Tables pair only when their cells line up, so that each cell can be compared with its own. */
function tableShape(table: DocxTable): string {
  return table.rows.map((row) => row.cells.map((c) => `${c.colspan}x${c.rowspan}`).join(",")).join(";");
}

function tableText(table: DocxTable): string {
  return table.rows.flatMap((row) => row.cells.flatMap((c) => c.lines.map((l) => l.runs.map((r) => r.text).join("")))).join("\n");
}

function revisedTable(now: DocxTable, before: DocxTable): DocxTable {
  return {
    ...now,
    rows: now.rows.map((row, r) => ({
      ...row,
      cells: row.cells.map((cell, c) => {
        const old = before.rows[r]?.cells[c]?.lines ?? [];
        const lines = redlineLines(cell.lines.map(lineInput), old.map(lineInput), { pairAny: true });
        return { ...cell, lines: lines.map((l) => ({ ...l.source, runs: l.runs, mark: l.mark })) };
      }),
    })),
  };
}

function lineInput(line: DocxLine): RedlineInput<DocxLine, DocxRunFormat> {
  return { kind: line.role, runs: line.runs, source: line };
}

/** A whole table inserted or deleted: every row, paragraph and run carries the change. */
function markedTable(table: DocxTable, mark: Revision | null): DocxTable {
  return {
    ...table,
    rows: table.rows.map((row) => ({
      mark,
      cells: row.cells.map((cell) => ({
        ...cell,
        lines: cell.lines.map((l) => ({ ...l, mark, runs: l.runs.map((r) => ({ ...r, change: mark })) })),
      })),
    })),
  };
}
