import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocNode, InlineNode } from "../../../core/model/doc";
import { exportReport, type ExportResult } from "../../../host/export/export-report";
import { ChromiumPdfRenderer } from "../../../host/pdf/chromium-pdf-renderer";
import {
  check9704,
  essentialText,
  identicalLineShare,
  layoutLines,
  libreOfficeToPdf,
  pageCount,
  pageSizePt,
  pdfFonts,
  pdfLines,
  punctuationCounts,
  type PdfLine,
} from "../../support/pdf-readers";
import { largeReport } from "../../support/large-report";
import { buildReport, fixtureReport, readFixtureMarkdown } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

/*
 * Every claim about the exported files is checked by a reader that is not ours: LibreOffice
 * re-opens the .docx, poppler reads both PDFs, and the vendored check-9704.py counts the grid.
 * One browser and one LibreOffice run serve the whole file.
 */

const MM = 72 / 25.4;
const LINE_PT = 28.95;
const dir = mkdtempSync(join(tmpdir(), "nianbao-export-"));
const renderer = new ChromiumPdfRenderer();
const results: Record<"fixture" | "large", ExportResult | null> = { fixture: null, large: null };

const fixtureFiles = { docx: join(dir, "fixture.docx"), pdf: join(dir, "fixture.pdf"), lo: join(dir, "lo", "fixture.pdf") };
const attachedFiles = { docx: join(dir, "attached.docx"), pdf: join(dir, "attached.pdf"), lo: join(dir, "lo", "attached.pdf") };
const largeFiles = { docx: join(dir, "large.docx"), pdf: join(dir, "large.pdf"), lo: join(dir, "lo", "large.pdf") };

beforeAll(async () => {
  const template = fazhiTemplate();
  results.fixture = await exportReport({
    report: fixtureReport(),
    template,
    docxPath: fixtureFiles.docx,
    pdfPath: fixtureFiles.pdf,
    renderer,
  });
  results.large = await exportReport({ report: largeReport(100), template, docxPath: largeFiles.docx, pdfPath: largeFiles.pdf, renderer });
  const attached = buildReport({
    title: "2024年度某县法治政府建设工作报告",
    org: "某县人民政府",
    date: "2025-01-17",
    body: {
      type: "doc",
      content: [{ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: "全年工作情况如下。" }] }],
    },
    note: "（联系人：李四，联系电话：12345678）",
    attachments: [
      {
        title: "行政执法情况统计",
        body: {
          type: "doc",
          content: [{ type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: "本表数据截至年底。" }] }],
        },
      },
    ],
  });
  await exportReport({ report: attached, template, docxPath: attachedFiles.docx, pdfPath: attachedFiles.pdf, renderer });
  libreOfficeToPdf([fixtureFiles.docx, largeFiles.docx, attachedFiles.docx], join(dir, "lo"));
}, 180_000);

afterAll(async () => {
  await renderer.close();
});

const isPageNumber = (l: PdfLine): boolean => l.yMin > 262 * MM && /^[—\-–\s]*\d+[—\-–\s]*$/.test(l.text);

/** Grid rows page 1 occupies, from the title's line to the last body line. */
function page1Rows(lines: PdfLine[]): number {
  const body = lines.filter((l) => l.page === 1 && !isPageNumber(l));
  const first = body[0];
  const last = body.at(-1);
  if (first === undefined || last === undefined) return 0;
  return Math.round((last.yMax - first.yMax) / LINE_PT) + 1;
}

function expectGrid(pdf: string): void {
  const lines = pdfLines(pdf);
  const rows = page1Rows(lines);
  expect(rows).toBe(22);
  const { problems, summary } = check9704(pdf);
  // A heading never ends a page (keepNext): the page before it may be a line or two short (a level-1 heading with its level-2), nothing else.
  const headingFirst = (page: number): boolean =>
    /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(lines.find((l) => l.page === page && !isPageNumber(l))?.text ?? "");
  const unexplained = problems.filter((p) => {
    const short = /^page (\d+) has 2[01] lines, not 22$/.exec(p);
    return short === null || !headingFirst(Number(short[1]) + 1);
  });
  expect(unexplained, summary).toEqual([]);
  expect(summary).toMatch(/full-line chars 28/);
}

function expectPageNumbers(pdf: string): void {
  const lines = pdfLines(pdf);
  const width = pageSizePt(pdf).width;
  const n1 = lines.find((l) => l.page === 1 && isPageNumber(l));
  const n2 = lines.find((l) => l.page === 2 && isPageNumber(l));
  expect(n1?.text.replace(/\s/g, "")).toBe("—1—");
  expect(n2?.text.replace(/\s/g, "")).toBe("—2—");
  if (n1 === undefined || n2 === undefined) return;
  // Odd pages: right, 1 字 (14 pt) in from the type area's right edge; even pages: left, 1 字 in.
  expect(Math.abs(n1.xMax - (width - 26 * MM - 14))).toBeLessThan(4);
  expect(Math.abs(n2.xMin - (28 * MM + 14))).toBeLessThan(4);
  // 4号 (14 pt) against the 3号 (16 pt) body: compare glyph-box heights, which scale with size.
  const body = lines.filter((l) => l.page === 1 && !isPageNumber(l) && /^\p{Script=Han}+[，。、]?$/u.test(l.text));
  const bodyHeight = body.map((l) => l.yMax - l.yMin).sort((a, b) => a - b)[Math.floor(body.length / 2)] ?? 1;
  const numberSize = (16 * (n1.yMax - n1.yMin)) / bodyHeight;
  expect(numberSize).toBeGreaterThan(13);
  expect(numberSize).toBeLessThan(15);
  // The 一字线 sits about 7 mm below the type area (262 mm from the top).
  const centreMm = (n1.yMin + n1.yMax) / 2 / MM;
  expect(centreMm).toBeGreaterThan(262 + 5);
  expect(centreMm).toBeLessThan(262 + 9);
}

function expectSizes(pdf: string): void {
  const lines = pdfLines(pdf).filter((l) => !isPageNumber(l));
  const title = lines[0];
  const full = lines.filter((l) => l.xMax - l.xMin > 156 * MM * 0.97 && /^\p{Script=Han}/u.test(l.text) && !/\d/.test(l.text));
  expect(title).toBeDefined();
  expect(full.length).toBeGreaterThan(10);
  if (title === undefined) return;
  // Body size from the advance of 28 汉字 across a full line (16 pt less 0.25 pt spacing).
  const bodyPitch = full.map((l) => (l.xMax - l.xMin) / [...l.text].length).sort((a, b) => a - b)[Math.floor(full.length / 2)] ?? 0;
  expect(bodyPitch).toBeGreaterThan(15.5);
  expect(bodyPitch).toBeLessThan(16.3);
  // Title size from its glyph height relative to body glyphs of the same family metrics.
  const bodyHeight = full.map((l) => l.yMax - l.yMin).sort((a, b) => a - b)[Math.floor(full.length / 2)] ?? 1;
  const titleSize = (16 * (title.yMax - title.yMin)) / bodyHeight;
  expect(titleSize).toBeGreaterThan(21);
  expect(titleSize).toBeLessThan(23);
}

function pdfText(pdf: string): string {
  return essentialText(
    pdfLines(pdf)
      .filter((l) => !isPageNumber(l))
      .map((l) => l.text)
      .join(""),
  );
}

function docText(doc: DocNode, field: (id: string) => string): string {
  const inline = (nodes: InlineNode[] | undefined): string =>
    (nodes ?? []).map((n) => (n.type === "text" ? n.text : n.type === "reportField" ? field(n.attrs.fieldId) : "")).join("");
  return doc.content
    .flatMap((node) => (node.type === "part" ? node.content : [node]))
    .map((block) => (block.type === "table" ? "" : inline(block.content)))
    .join("");
}

describe("the fixture report", () => {
  it("is A4 in both renderings and paginates the same in LibreOffice and Chromium", () => {
    for (const pdf of [fixtureFiles.pdf, fixtureFiles.lo]) {
      const size = pageSizePt(pdf);
      expect(Math.abs(size.width - 595.3)).toBeLessThan(1);
      expect(Math.abs(size.height - 841.9)).toBeLessThan(1);
    }
    expect(pageCount(fixtureFiles.pdf)).toBe(pageCount(fixtureFiles.lo));
    expect(results.fixture?.pages).toBe(pageCount(fixtureFiles.pdf));
  });

  it("keeps the 22 × 28 grid in our PDF and in LibreOffice's rendering of our .docx", () => {
    expectGrid(fixtureFiles.pdf);
    expectGrid(fixtureFiles.lo);
  });

  it("prints title ≈22 pt and body ≈16 pt", () => {
    expectSizes(fixtureFiles.pdf);
    expectSizes(fixtureFiles.lo);
  });

  it("numbers page 1 at the right and page 2 at the left, 7 mm below the type area", () => {
    expectPageNumbers(fixtureFiles.pdf);
    expectPageNumbers(fixtureFiles.lo);
  });

  it("contains the whole published text in order, 署名 and 成文日期 included", () => {
    const expected = essentialText(readFixtureMarkdown().replace(/^#+/gm, ""));
    expect(pdfText(fixtureFiles.pdf)).toBe(expected);
    expect(pdfText(fixtureFiles.lo)).toBe(expected);
  });

  it("embeds every font as TrueType, none as Type 3", () => {
    const fonts = pdfFonts(fixtureFiles.pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.type).not.toBe("Type 3");
      expect(font.embedded).toBe(true);
    }
    for (const font of pdfFonts(fixtureFiles.lo)) expect(font.embedded).toBe(true);
  });

  it("reports each font role with what was requested and what was used", () => {
    const fonts = results.fixture?.fonts ?? [];
    expect(fonts.map((f) => f.role)).toEqual(["title", "body", "heading1", "heading2", "pageNumber"]);
    expect(fonts.find((f) => f.role === "title")?.requested).toBe("方正小标宋简体");
    expect(fonts.find((f) => f.role === "body")?.requested).toBe("仿宋_GB2312");
    for (const f of fonts) expect(f.substituted).toBe(f.used !== f.requested);
  });
});

describe("a generated 100-page report", () => {
  it("exports to both formats with the same page count", () => {
    const pages = pageCount(largeFiles.pdf);
    expect(pages).toBeGreaterThanOrEqual(100);
    expect(pageCount(largeFiles.lo)).toBe(pages);
    expect(results.large?.pages).toBe(pages);
  });

  it("keeps 22 lines on every full page and 28 characters on full lines", () => {
    expectGrid(largeFiles.pdf);
    expectGrid(largeFiles.lo);
  });

  it("keeps all its text, field values included, in both renderings", () => {
    const report = largeReport(100);
    const values: Record<string, string> = { cases: "超36万件", rate: "93.26%" };
    const expected = essentialText(
      `${report.meta.title}${docText(report.body, (id) => values[id] ?? "")}${report.meta.org}2024年1月17日${report.meta.note ?? ""}`,
    );
    expect(pdfText(largeFiles.pdf)).toBe(expected);
    expect(pdfText(largeFiles.lo)).toBe(expected);
    for (const font of pdfFonts(largeFiles.pdf)) expect(font.type).not.toBe("Type 3");
  });
});

/*
 * Our PDF and LibreOffice's PDF of our .docx must break the same lines: the same 汉字/digit gap,
 * no hanging line-end mark in either, digits broken by Latin rules. Measured on this machine:
 * fixture 101 of 106 lines, 100-page report 2308 of 2384 (LibreOffice 7.4, Chromium 156).
 */
describe("the .docx and the PDF agree line by line", () => {
  for (const [name, files] of [
    ["the fixture", fixtureFiles],
    ["the 100-page report", largeFiles],
  ] as const) {
    it(`${name}: at least 95% of lines identical, and no line-end mark lost in LibreOffice`, () => {
      const ours = layoutLines(files.pdf).map((l) => l.text);
      const theirs = layoutLines(files.lo).map((l) => l.text);
      expect(identicalLineShare(ours, theirs)).toBeGreaterThanOrEqual(0.95);
      expect(punctuationCounts(theirs)).toEqual(punctuationCounts(ours));
    });
  }
});

describe("附件说明, 附注 and an attachment", () => {
  it("prints the 附件说明 after the body, the 附注 after the date, and the attachment on its own page", () => {
    for (const pdf of [attachedFiles.pdf, attachedFiles.lo]) {
      const lines = pdfLines(pdf).filter((l) => !isPageNumber(l));
      const texts = lines.map((l) => l.text.replace(/\s/g, ""));
      expect(texts.indexOf("附件：行政执法情况统计")).toBeGreaterThan(texts.indexOf("全年工作情况如下。"));
      expect(texts.indexOf("（联系人：李四，联系电话：12345678）")).toBe(texts.indexOf("2025年1月17日") + 1);
      expect(pageCount(pdf)).toBe(2);
      const page2 = lines.filter((l) => l.page === 2);
      expect(page2.map((l) => l.text.replace(/\s/g, ""))).toEqual(["附件", "行政执法情况统计", "本表数据截至年底。"]);
      const [label, title] = page2;
      if (label === undefined || title === undefined) return;
      // "附件" on line 1 of the type area, the title centred on line 3.
      expect(Math.round((title.yMax - label.yMax) / LINE_PT)).toBe(2);
      expect(Math.abs((title.xMin + title.xMax) / 2 - (28 + 156 / 2) * MM)).toBeLessThan(3);
      expect(label.xMin / MM).toBeLessThan(29.5);
    }
  });
});
