import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  DocumentGridType,
  Footer,
  InsertedTextRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import type { DocumentInfo, ExportBlock, ExportModel, ExportRun } from "../../core/export-model/export-model";
import type { FontRole } from "../../core/export-model/font-roles";
import { requestedFontFamily } from "../../core/export-model/font-roles";
import { keepTogether, type Keep } from "../../core/export-model/keep-together";
import { pageGeometry, type PageGeometry } from "../../core/export-model/page-geometry";
import type { Revision, RevisedText } from "../../core/compare/redline-lines";
import type { LayoutProfile } from "../../core/model/layout-profile";
import { cleanDocxPackage, cleanDocxParts, type DocxParts } from "./clean-docx-package";

const BLACK = "000000";
const BODY_SIZE = 32;
/** 五号 (10.5 pt) in half-points. */
const TABLE_COMPACT_SIZE = 21;
const TITLE_SIZE = 44;
const PAGE_NUMBER_SIZE = 28;

interface Ctx {
  profile: LayoutProfile;
  geo: PageGeometry;
  /** Who and when for tracked changes; each change takes the next id. */
  revisions: RevisionStamp | null;
  nextRevisionId: number;
}

/** Formatting of a piece of text: a font role and bold set on the run, or the paragraph style's. */
export interface DocxRunFormat {
  font?: FontRole;
  bold?: boolean;
  /** 【待填：…】 and the like: highlighted, so a draft's gaps cannot be overlooked. */
  placeholder?: boolean;
}

/** One paragraph as the writer lays it out; runs and the paragraph itself may be tracked changes. */
export interface DocxLine {
  kind: "line";
  /** What the line is (title, heading2, paragraph, signatureOrg, …): only like lines are compared. */
  role: string;
  layout: Omit<IParagraphOptions, "children" | "run">;
  runs: RevisedText<DocxRunFormat>[];
  mark: Revision | null;
}

export interface DocxCell {
  colspan: number;
  rowspan: number;
  lines: DocxLine[];
}

export interface DocxTable {
  kind: "table";
  /** Leading rows repeated at the top of every page the table runs onto. */
  headerRows?: number;
  /** Relative column widths; equal columns when absent. */
  columnWeights?: number[];
  /** A statutory table in 五号: cells centred vertically, narrow cell margins (as in print.css). */
  compact?: boolean;
  rows: { cells: DocxCell[]; mark: Revision | null }[];
}

export type DocxBlock = DocxLine | DocxTable;

/** Author and date of every tracked change in a document. */
export interface RevisionStamp {
  author: string;
  /** ISO 8601 date-time. */
  date: string;
}

/** The export model as a GB/T 9704 .docx (gbt9704.md §2), theme fonts scrubbed from the package. */
export async function writeDocx(model: ExportModel): Promise<Uint8Array> {
  return writeDocxSections(model.profile, docxSections(model), null, model.info);
}

/**
 * The model as the writer's paragraphs and tables, one list per section (an attachment starts a
 * new page). The redline export rewrites these before they are written.
 */
export function docxSections(model: ExportModel): DocxBlock[][] {
  const geo = pageGeometry(model.profile);
  const keeps = keepTogether(model.blocks);
  const sections: DocxBlock[][] = [[]];
  model.blocks.forEach((block, index) => {
    if (block.kind === "attachment") {
      sections.push(attachmentLines(block, geo));
    } else {
      sections[sections.length - 1]?.push(...withKeep(blockLines(block, geo), keeps.get(index)));
    }
  });
  return sections;
}

/** keepNext on every paragraph of the block (its lines keep with each other and with what follows). */
function withKeep(lines: DocxBlock[], keep: Keep | undefined): DocxBlock[] {
  if (keep === undefined) return lines;
  return lines.map((line) =>
    line.kind === "line"
      ? { ...line, layout: { ...line.layout, keepNext: keep.keepNext, ...(keep.twoLines ? { widowControl: true } : {}) } }
      : line,
  );
}

/** Writes sections of paragraphs and tables in the GB/T 9704 page set-up; tracked changes need a stamp. */
export async function writeDocxSections(
  profile: LayoutProfile,
  sections: DocxBlock[][],
  revisions: RevisionStamp | null,
  info: DocumentInfo,
): Promise<Uint8Array> {
  const ctx: Ctx = { profile, geo: pageGeometry(profile), revisions, nextRevisionId: 1 };
  const { geo } = ctx;
  const doc = new Document({
    // core.xml: `docx` otherwise names the creator "Un-named"; its created/modified dates are the export's.
    title: info.title,
    subject: info.subject,
    creator: info.creator,
    lastModifiedBy: info.creator,
    evenAndOddHeaderAndFooters: true,
    styles: styles(ctx),
    sections: sections.map((section) => ({
      properties: {
        page: {
          size: { width: geo.pageWidthTwip, height: geo.pageHeightTwip },
          margin: { ...geo.marginTwip, gutter: 0 },
        },
        grid:
          geo.docGridCharSpace === null
            ? { type: DocumentGridType.LINES, linePitch: geo.linePitchTwip }
            : { type: DocumentGridType.LINES_AND_CHARS, linePitch: geo.linePitchTwip, charSpace: geo.docGridCharSpace },
      },
      footers: { default: pageNumberFooter("odd", ctx), even: pageNumberFooter("even", ctx) },
      children: section.map((block) => (block.kind === "line" ? paragraph(block, ctx) : table(block, ctx))),
    })),
  });
  const parts = compiledParts(doc);
  return parts === null ? cleanDocxPackage(new Uint8Array(await Packer.toBuffer(doc)), ctx.profile) : cleanDocxParts(parts, ctx.profile);
}

/**
 * The package's parts as `docx` compiles them, before it zips them with its JavaScript deflate
 * only for clean-docx-package.ts to unzip them again: a tenth of an export's time. The compiler
 * is Packer's private static (docx 9.15, pinned), so its shape is checked, and anything else
 * falls back to the public Packer.toBuffer.
 */
function compiledParts(doc: Document): DocxParts | null {
  const compiler: unknown = Reflect.get(Packer, "compiler");
  if (typeof compiler !== "object" || compiler === null || !("compile" in compiler) || typeof compiler.compile !== "function") return null;
  const parts: unknown = compiler.compile(doc);
  if (!(parts instanceof Map)) return null;
  const checked = new Map<string, string | Uint8Array>();
  for (const [name, data] of parts) {
    if (typeof name !== "string" || !(typeof data === "string" || data instanceof Uint8Array)) return null;
    checked.set(name, data);
  }
  return checked;
}

/** All four rFonts slots, always (a missing hAnsi falls back to the theme font: docx #549). */
export function runFonts(role: FontRole, profile: LayoutProfile): NonNullable<IRunOptions["font"]> {
  const cjk = requestedFontFamily(role, profile);
  const latin = profile.timesNewRomanDigits && role !== "title" && role !== "pageNumber" ? requestedFontFamily("latin", profile) : cjk;
  return { ascii: latin, hAnsi: latin, eastAsia: cjk, cs: latin, hint: "eastAsia" };
}

function exactLine(geo: PageGeometry): { line: number; lineRule: (typeof LineRuleType)["EXACT"]; before: number; after: number } {
  return { line: geo.linePitchTwip, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

/** "n 字" as an indent: whole grid cells in character-grid mode, twips otherwise. */
function chars(n: number, geo: PageGeometry): number {
  return Math.round(n * geo.charPitchTwip);
}

function styles(ctx: Ctx): NonNullable<ConstructorParameters<typeof Document>[0]["styles"]> {
  const { profile, geo } = ctx;
  const spacing = geo.runSpacingTwentieths ?? undefined;
  const firstLine = geo.docGridCharSpace === null ? { firstLine: chars(2, geo) } : { firstLineChars: 200 };
  // A heading never ends a page (gbt9704.md §2.4); the page it leaves short is allowed. Widow
  // control stays off as in the body: a wrapped heading is kept whole by keepLines instead.
  const heading = (id: string, name: string, level: number, role: FontRole, bold: boolean): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: {
      font: runFonts(role, profile),
      size: BODY_SIZE,
      bold,
      color: BLACK,
      ...(spacing === undefined ? {} : { characterSpacing: spacing }),
    },
    paragraph: {
      outlineLevel: level,
      spacing: exactLine(geo),
      indent: firstLine,
      alignment: AlignmentType.JUSTIFIED,
      keepNext: true,
      keepLines: true,
    },
  });
  // Not based on Normal: its −5 run spacing cannot be switched off again (`docx` drops 0).
  const plain = (
    id: string,
    name: string,
    role: FontRole,
    size: number,
    paragraph: IParagraphStyleOptions["paragraph"] = {},
  ): IParagraphStyleOptions => ({
    id,
    name,
    quickFormat: true,
    run: { font: runFonts(role, profile), size, color: BLACK },
    paragraph: { spacing: exactLine(geo), indent: { firstLine: 0 }, ...paragraph },
  });
  return {
    default: {
      document: {
        // Latin text in a Latin language: LibreOffice otherwise line-breaks digits with its Chinese
        // rules and splits numbers (1|40余次, 26|%).
        run: { font: runFonts("body", profile), size: BODY_SIZE, color: BLACK, language: { value: "en-US", eastAsia: "zh-CN" } },
        paragraph: { spacing: exactLine(geo) },
      },
      heading1: { run: { color: BLACK }, paragraph: {} },
      heading2: { run: { color: BLACK }, paragraph: {} },
      heading3: { run: { color: BLACK }, paragraph: {} },
      heading4: { run: { color: BLACK }, paragraph: {} },
      heading5: { run: { color: BLACK }, paragraph: {} },
      heading6: { run: { color: BLACK }, paragraph: {} },
      hyperlink: { run: { color: BLACK } },
    },
    paragraphStyles: [
      {
        id: "Normal",
        name: "Normal",
        quickFormat: true,
        run: {
          font: runFonts("body", profile),
          size: BODY_SIZE,
          color: BLACK,
          ...(spacing === undefined ? {} : { characterSpacing: spacing }),
        },
        paragraph: { spacing: exactLine(geo), indent: firstLine, alignment: AlignmentType.JUSTIFIED },
      },
      heading("Heading1", "heading 1", 0, "heading1", false),
      heading("Heading2", "heading 2", 1, "heading2", profile.boldLevel2),
      heading("Heading3", "heading 3", 2, "body", profile.boldLevel3),
      heading("Heading4", "heading 4", 3, "body", false),
      {
        ...plain("Title", "Title", "title", TITLE_SIZE, { alignment: AlignmentType.CENTER, keepNext: true }),
        run: { font: runFonts("title", profile), size: TITLE_SIZE, bold: false, color: BLACK },
      },
      // Single spacing: an exact 28.95 pt line is taller than the room below the type area, and
      // LibreOffice then shrinks the body to 21 lines to fit the footer.
      plain("Footer", "footer", "pageNumber", PAGE_NUMBER_SIZE, {
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      }),
      plain("NianbaoFlush", "Nianbao Flush", "body", BODY_SIZE),
      plain("NianbaoTable", "Nianbao Table Text", "body", BODY_SIZE),
      // A statutory table of up to 15 columns (信息公开年报 表三, 表四) fits the type area only in 五号,
      // single-spaced: tables are off the 22-line grid anyway.
      plain("NianbaoTableCompact", "Nianbao Table Compact", "body", TABLE_COMPACT_SIZE, {
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      }),
    ],
  };
}

/** An unrevised paragraph. */
export function docxLine(role: string, layout: DocxLine["layout"], runs: { text: string; format: DocxRunFormat }[]): DocxLine {
  return { kind: "line", role, layout, runs: runs.map((r) => ({ ...r, change: null })), mark: null };
}

function styled(list: ExportRun[]): { text: string; format: DocxRunFormat }[] {
  return list.map((run) => ({
    text: run.text,
    format: { font: run.font, bold: run.bold, ...(run.placeholder ? { placeholder: true } : {}) },
  }));
}

const unstyled = (text: string): { text: string; format: DocxRunFormat }[] => [{ text, format: {} }];

function blockLines(block: Exclude<ExportBlock, { kind: "attachment" }>, geo: PageGeometry): DocxBlock[] {
  switch (block.kind) {
    case "title":
      return block.text.split("\n").map((text) => docxLine("title", { style: "Title" }, unstyled(text)));
    case "blankLine":
      return [docxLine("blankLine", { style: "NianbaoFlush" }, [])];
    case "recipient":
      return [docxLine("recipient", { style: "NianbaoFlush", alignment: AlignmentType.LEFT }, unstyled(block.text))];
    case "heading":
      return [docxLine(`heading${block.level}`, { style: `Heading${block.level}` }, styled(block.runs))];
    case "paragraph":
      return [docxLine("paragraph", {}, styled(block.runs))];
    case "table":
      return [tableLines(block)];
    case "attachmentNote":
      return block.items.map((item, i) =>
        docxLine(
          "attachmentNote",
          { style: "NianbaoFlush", indent: i === 0 ? { left: chars(5, geo), hanging: chars(3, geo) } : { left: chars(5, geo) } },
          unstyled(i === 0 ? `附件：${item}` : item),
        ),
      );
    case "signature":
      return [
        docxLine(
          "signatureOrg",
          {
            style: "NianbaoFlush",
            alignment: AlignmentType.RIGHT,
            keepNext: true,
            indent: { right: chars(block.orgRightIndentChars, geo), firstLine: 0 },
          },
          unstyled(block.org),
        ),
        docxLine(
          "signatureDate",
          {
            style: "NianbaoFlush",
            alignment: AlignmentType.RIGHT,
            indent: { right: chars(block.dateRightIndentChars, geo), firstLine: 0 },
          },
          [{ text: block.date, format: block.datePlaceholder ? { placeholder: true } : {} }],
        ),
      ];
    case "note":
      return [docxLine("note", { style: "NianbaoFlush", indent: { firstLine: chars(2, geo) } }, unstyled(block.text))];
  }
}

function attachmentLines(block: Extract<ExportBlock, { kind: "attachment" }>, geo: PageGeometry): DocxBlock[] {
  return [
    docxLine("attachmentLabel", { style: "NianbaoFlush" }, [{ text: block.label, format: { font: "heading1" } }]),
    docxLine("blankLine", { style: "NianbaoFlush" }, []),
    docxLine("title", { style: "Title" }, unstyled(block.title)),
    docxLine("blankLine", { style: "NianbaoFlush" }, []),
    ...block.blocks.flatMap((b) => (b.kind === "attachment" ? [] : blockLines(b, geo))),
  ];
}

function tableLines(block: Extract<ExportBlock, { kind: "table" }>): DocxTable {
  return {
    kind: "table",
    ...(block.headerRows === undefined ? {} : { headerRows: block.headerRows }),
    ...(block.columnWeights === undefined ? {} : { columnWeights: block.columnWeights }),
    ...(block.compact === true ? { compact: true } : {}),
    rows: block.rows.map((row) => ({
      mark: null,
      cells: row.map((cell) => ({
        colspan: cell.colspan,
        rowspan: cell.rowspan,
        lines: cell.runs.map((p) =>
          docxLine(
            cell.header ? "tableHeader" : "tableCell",
            {
              style: block.compact === true ? "NianbaoTableCompact" : "NianbaoTable",
              alignment: cell.header || cell.numeric === true ? AlignmentType.CENTER : AlignmentType.LEFT,
            },
            styled(p),
          ),
        ),
      })),
    })),
  };
}

function columnWidths(weights: number[], width: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((width * w) / total));
}

function revision(ctx: Ctx): { id: number; author: string; date: string } {
  if (ctx.revisions === null) throw new Error("tracked change without a revision stamp");
  return { id: ctx.nextRevisionId++, ...ctx.revisions };
}

function paragraph(block: DocxLine, ctx: Ctx): Paragraph {
  const mark = block.mark === null ? {} : { run: block.mark === "insert" ? { insertion: revision(ctx) } : { deletion: revision(ctx) } };
  return new Paragraph({ ...block.layout, ...mark, children: block.runs.flatMap((run) => textRuns(run, ctx)) });
}

function textRuns(run: RevisedText<DocxRunFormat>, ctx: Ctx): ParagraphChild[] {
  const { font, bold, placeholder } = run.format;
  const format: IRunOptions = {
    ...(font === undefined ? {} : { font: runFonts(font, ctx.profile) }),
    ...(bold === undefined ? {} : { bold, color: BLACK }),
    ...(placeholder === true ? { highlight: "yellow" } : {}),
  };
  return run.text.split("\n").map((text, i) => {
    const options: IRunOptions = { text, ...(i > 0 ? { break: 1 } : {}), ...format };
    if (run.change === null) return new TextRun(options);
    return run.change === "insert"
      ? new InsertedTextRun({ ...options, ...revision(ctx) })
      : new DeletedTextRun({ ...options, ...revision(ctx) });
  });
}

function table(block: DocxTable, ctx: Ctx): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
  const width = ctx.geo.pageWidthTwip - ctx.geo.marginTwip.left - ctx.geo.marginTwip.right;
  const columns = Math.max(1, ...block.rows.map((row) => row.cells.reduce((n, cell) => n + cell.colspan, 0)));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    // Word needs the grid columns to lay the table out across the type area.
    columnWidths: columnWidths(block.columnWeights ?? Array.from({ length: columns }, () => 1), width),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    // Word's default 0.19 cm cell margins leave a 表三 number column one 五号 character wide: 2 pt, as print.css.
    ...(block.compact === true ? { margins: { left: 40, right: 40, top: 20, bottom: 20 } } : {}),
    rows: block.rows.map(
      (row, index) =>
        new TableRow({
          // A row never splits across pages; header rows repeat on every page.
          cantSplit: true,
          ...(index < (block.headerRows ?? 0) ? { tableHeader: true } : {}),
          ...(row.mark === null ? {} : row.mark === "insert" ? { insertion: revision(ctx) } : { deletion: revision(ctx) }),
          children: row.cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan,
                rowSpan: cell.rowspan,
                ...(block.compact === true ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
                children: cell.lines.map((l) => paragraph(l, ctx)),
              }),
          ),
        }),
    ),
  });
}

/** "— N —" in 4号宋体, 1 字 (of 4号) in from the right on odd pages and from the left on even ones. */
function pageNumberFooter(side: "odd" | "even", ctx: Ctx): Footer {
  const oneChar = PAGE_NUMBER_SIZE * 10;
  return new Footer({
    children: [
      new Paragraph({
        style: "Footer",
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: oneChar, firstLine: 0 } : { left: oneChar, firstLine: 0 },
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: runFonts("pageNumber", ctx.profile), size: PAGE_NUMBER_SIZE }),
        ],
      }),
    ],
  });
}
