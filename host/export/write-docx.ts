import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type IRunOptions,
} from "docx";
import type { ExportBlock, ExportModel, ExportRun } from "../../core/export-model/export-model";
import type { FontRole } from "../../core/export-model/font-roles";
import { requestedFontFamily } from "../../core/export-model/font-roles";
import { pageGeometry, type PageGeometry } from "../../core/export-model/page-geometry";
import type { LayoutProfile } from "../../core/model/layout-profile";
import { cleanDocxPackage } from "./clean-docx-package";

const BLACK = "000000";
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const PAGE_NUMBER_SIZE = 28;

interface Ctx {
  profile: LayoutProfile;
  geo: PageGeometry;
}

/** The export model as a GB/T 9704 .docx (gbt9704.md §2), theme fonts scrubbed from the package. */
export async function writeDocx(model: ExportModel): Promise<Uint8Array> {
  const ctx: Ctx = { profile: model.profile, geo: pageGeometry(model.profile) };
  const { geo } = ctx;
  const sections: { children: (Paragraph | Table)[] }[] = [{ children: [] }];
  for (const block of model.blocks) {
    if (block.kind === "attachment") {
      sections.push({ children: attachmentChildren(block, ctx) });
    } else {
      sections[sections.length - 1]?.children.push(...blockChildren(block, ctx));
    }
  }
  const doc = new Document({
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
      children: section.children,
    })),
  });
  return cleanDocxPackage(new Uint8Array(await Packer.toBuffer(doc)), ctx.profile);
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
  // No keepNext on headings: a heading pushed to the next page leaves a 21-line page, and the
  // 22-line grid is what reviewers measure.
  const heading = (id: string, name: string, level: number, role: FontRole, bold: boolean): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { font: runFonts(role, profile), size: BODY_SIZE, bold, color: BLACK, ...(spacing === undefined ? {} : { characterSpacing: spacing }) },
    paragraph: { outlineLevel: level, spacing: exactLine(geo), indent: firstLine, alignment: AlignmentType.JUSTIFIED },
  });
  // Not based on Normal: its −5 run spacing cannot be switched off again (`docx` drops 0).
  const plain = (id: string, name: string, role: FontRole, size: number, paragraph: IParagraphStyleOptions["paragraph"] = {}): IParagraphStyleOptions => ({
    id,
    name,
    quickFormat: true,
    run: { font: runFonts(role, profile), size, color: BLACK },
    paragraph: { spacing: exactLine(geo), indent: { firstLine: 0 }, ...paragraph },
  });
  return {
    default: {
      document: {
        run: { font: runFonts("body", profile), size: BODY_SIZE, color: BLACK, language: { value: "zh-CN", eastAsia: "zh-CN" } },
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
        run: { font: runFonts("body", profile), size: BODY_SIZE, color: BLACK, ...(spacing === undefined ? {} : { characterSpacing: spacing }) },
        paragraph: { spacing: exactLine(geo), indent: firstLine, alignment: AlignmentType.JUSTIFIED },
      },
      heading("Heading1", "heading 1", 0, "heading1", false),
      heading("Heading2", "heading 2", 1, "heading2", profile.boldLevel2),
      heading("Heading3", "heading 3", 2, "body", profile.boldLevel3),
      heading("Heading4", "heading 4", 3, "body", false),
      { ...plain("Title", "Title", "title", TITLE_SIZE, { alignment: AlignmentType.CENTER, keepNext: true }), run: { font: runFonts("title", profile), size: TITLE_SIZE, bold: false, color: BLACK } },
      // Single spacing: an exact 28.95 pt line is taller than the room below the type area, and
      // LibreOffice then shrinks the body to 21 lines to fit the footer.
      plain("Footer", "footer", "pageNumber", PAGE_NUMBER_SIZE, { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } }),
      plain("NianbaoFlush", "Nianbao Flush", "body", BODY_SIZE),
      plain("NianbaoTable", "Nianbao Table Text", "body", BODY_SIZE),
    ],
  };
}

function runs(list: ExportRun[], ctx: Ctx): TextRun[] {
  const out: TextRun[] = [];
  for (const run of list) {
    const parts = run.text.split("\n");
    parts.forEach((text, i) => {
      out.push(new TextRun({ text, ...(i > 0 ? { break: 1 } : {}), font: runFonts(run.font, ctx.profile), bold: run.bold, color: BLACK }));
    });
  }
  return out;
}

function blockChildren(block: Exclude<ExportBlock, { kind: "attachment" }>, ctx: Ctx): (Paragraph | Table)[] {
  const { geo } = ctx;
  switch (block.kind) {
    case "title":
      return block.text.split("\n").map((line) => new Paragraph({ style: "Title", children: [new TextRun({ text: line })] }));
    case "blankLine":
      return [new Paragraph({ style: "NianbaoFlush", children: [] })];
    case "recipient":
      return [new Paragraph({ style: "NianbaoFlush", alignment: AlignmentType.LEFT, children: [new TextRun({ text: block.text })] })];
    case "heading":
      return [new Paragraph({ style: `Heading${block.level}`, children: runs(block.runs, ctx) })];
    case "paragraph":
      return [new Paragraph({ children: runs(block.runs, ctx) })];
    case "table":
      return [table(block.rows, ctx)];
    case "attachmentNote":
      return block.items.map(
        (item, i) =>
          new Paragraph({
            style: "NianbaoFlush",
            indent: i === 0 ? { left: chars(5, geo), hanging: chars(3, geo) } : { left: chars(5, geo) },
            children: [new TextRun({ text: i === 0 ? `附件：${item}` : item })],
          }),
      );
    case "signature":
      return [
        new Paragraph({ style: "NianbaoFlush", alignment: AlignmentType.RIGHT, indent: { right: chars(block.orgRightIndentChars, geo), firstLine: 0 }, children: [new TextRun({ text: block.org })] }),
        new Paragraph({ style: "NianbaoFlush", alignment: AlignmentType.RIGHT, indent: { right: chars(block.dateRightIndentChars, geo), firstLine: 0 }, children: [new TextRun({ text: block.date })] }),
      ];
    case "note":
      return [new Paragraph({ style: "NianbaoFlush", indent: { firstLine: chars(2, geo) }, children: [new TextRun({ text: block.text })] })];
  }
}

function attachmentChildren(block: Extract<ExportBlock, { kind: "attachment" }>, ctx: Ctx): (Paragraph | Table)[] {
  return [
    new Paragraph({ style: "NianbaoFlush", children: [new TextRun({ text: block.label, font: runFonts("heading1", ctx.profile) })] }),
    new Paragraph({ style: "NianbaoFlush", children: [] }),
    new Paragraph({ style: "Title", children: [new TextRun({ text: block.title })] }),
    new Paragraph({ style: "NianbaoFlush", children: [] }),
    ...block.blocks.flatMap((b) => (b.kind === "attachment" ? [] : blockChildren(b, ctx))),
  ];
}

function table(rows: Extract<ExportBlock, { kind: "table" }>["rows"], ctx: Ctx): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
  const width = ctx.geo.pageWidthTwip - ctx.geo.marginTwip.left - ctx.geo.marginTwip.right;
  const columns = Math.max(1, ...rows.map((row) => row.reduce((n, cell) => n + cell.colspan, 0)));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    // Word needs the grid columns to lay the table out across the type area.
    columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan,
                rowSpan: cell.rowspan,
                children: cell.runs.map((p) => new Paragraph({ style: "NianbaoTable", alignment: cell.header ? AlignmentType.CENTER : AlignmentType.LEFT, children: runs(p, ctx) })),
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
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: runFonts("pageNumber", ctx.profile), size: PAGE_NUMBER_SIZE })],
      }),
    ],
  });
}
