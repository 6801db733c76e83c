import type { HeadingLevel } from "../model/doc";
import type { LayoutProfile } from "../model/layout-profile";
import type { FontRole } from "./font-roles";

/**
 * The neutral document both writers (.docx and print HTML) render. Everything that decides what
 * the page says is settled here, so the two outputs cannot drift apart in content.
 */
export interface ExportRun {
  /** "\n" marks a forced line break inside a paragraph. */
  text: string;
  font: FontRole;
  bold: boolean;
  /** A stand-in for what is not there yet (【待填：…】): both writers mark it so nobody misses it. */
  placeholder: boolean;
}

export interface ExportCell {
  runs: ExportRun[][];
  header: boolean;
  colspan: number;
  rowspan: number;
  /** A cell that holds only numbers (a field of a statutory table): centred, as published. */
  numeric?: boolean;
}

export type ExportBlock =
  /** Empty when the report has none: the line stays, nothing is invented for it. */
  | { kind: "title"; text: string }
  /** One empty body line at the grid pitch ("空一行"). */
  | { kind: "blankLine" }
  | { kind: "recipient"; text: string }
  | { kind: "heading"; level: HeadingLevel; runs: ExportRun[] }
  /** A body paragraph; a run-in heading is its first run(s) in the heading's font. */
  | { kind: "paragraph"; runs: ExportRun[] }
  /**
   * `headerRows` leading rows repeat on every page the table runs onto; `compact`: a statutory
   * table of many columns, set in a smaller size so it fits the type area.
   */
  | { kind: "table"; rows: ExportCell[][]; headerRows?: number; compact?: boolean; columnWeights?: number[] }
  | { kind: "attachmentNote"; items: string[] }
  /**
   * 落款: right indents in 字 (of 3号), computed per GB/T 9704 7.3.5. `org` is empty when the report
   * names no 发文机关; an undated report prints the blank date form, marked as a placeholder.
   */
  | { kind: "signature"; org: string; date: string; datePlaceholder: boolean; orgRightIndentChars: number; dateRightIndentChars: number }
  | { kind: "note"; text: string }
  /** Starts on a new page: "附件N" on line 1, the title centred on line 3, then its text. */
  | { kind: "attachment"; label: string; title: string; blocks: ExportBlock[] };

/** The file's own properties (core.xml): the report's words only, empty where it has none. */
export interface DocumentInfo {
  title: string;
  subject: string;
  /** The 发文机关. */
  creator: string;
}

export interface ExportModel {
  profile: LayoutProfile;
  info: DocumentInfo;
  blocks: ExportBlock[];
  /** Things the clerk should know before handing the file up (missing values, no date yet). */
  warnings: string[];
}
