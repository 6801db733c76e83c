import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileError, NianbaoError } from "../../core/errors/nianbao-error";
import { buildExportModel } from "../../core/export-model/build-export-model";
import type { ExportModel } from "../../core/export-model/export-model";
import type { FontRole } from "../../core/export-model/font-roles";
import type { LayoutProfile } from "../../core/model/layout-profile";
import type { Report } from "../../core/model/report";
import type { Template } from "../../core/model/template";
import { resolveFonts, type ResolvedFont } from "../fonts/resolve-fonts";
import { subsetFonts } from "../fonts/subset-fonts";
import { templatesDir } from "../paths";
import type { PdfRenderer } from "../pdf/pdf-renderer";
import { writeFileAtomic } from "../storage/atomic-write";
import { renderPrintHtml } from "./print-html";
import { writeDocx } from "./write-docx";
import { PrintedPdfCache, type PrintedPdf, type PrintInput } from "./printed-pdf-cache";

export interface ExportRequest {
  report: Report;
  template: Template;
  docxPath?: string;
  pdfPath?: string;
  /** Overrides the profile stored with the report. */
  profile?: LayoutProfile;
  /** The PDF printer; a headless system Chromium when omitted (the app passes Electron's printToPDF). */
  renderer?: PdfRenderer;
  /** Where the print page's font subsets are cached; the user's cache folder when omitted. */
  fontSubsetDir?: string;
}

export interface ExportedFont {
  role: FontRole;
  requested: string;
  used: string;
  substituted: boolean;
}

export interface ExportResult {
  docx: string | null;
  pdf: string | null;
  /** Pages of the PDF; 0 when no PDF was asked for (only Chromium paginates). */
  pages: number;
  fonts: ExportedFont[];
}

/**
 * The one export entry point: .docx and/or PDF from the same export model. Both files are made
 * before either is written, so a failed PDF leaves no half-finished pair behind.
 */
export async function exportReport(request: ExportRequest): Promise<ExportResult> {
  const profile = request.profile ?? request.report.meta.profile;
  const model = buildExportModel(request.report, request.template, { profile });
  // Font discovery asks fontconfig in a child process: it runs while the .docx is being built.
  const [fonts, docx] = await Promise.all([resolveFonts(profile), request.docxPath === undefined ? null : writeDocx(model)]);
  const printed =
    request.pdfPath === undefined
      ? null
      : await printOnce(await printPage(model, request.template, fonts, request.fontSubsetDir), request.renderer, (page) =>
          printReportPdf(page, request.renderer),
        );
  const pdf = printed?.pdf ?? null;
  const pages = printed?.pages ?? 0;
  if (request.docxPath !== undefined && docx !== null) await writeOutput(request.docxPath, docx);
  if (request.pdfPath !== undefined && pdf !== null) await writeOutput(request.pdfPath, pdf);
  return { docx: request.docxPath ?? null, pdf: request.pdfPath ?? null, pages, fonts: fonts.map(publicFont) };
}

/**
 * The print page for a report without printing it: the app's paged preview loads the same HTML
 * (from a file, so its font URLs resolve) that the PDF is printed from.
 */
export async function renderReportPrintHtml(
  request: Pick<ExportRequest, "report" | "template" | "profile" | "fontSubsetDir">,
): Promise<{ html: string; fonts: ExportedFont[]; assets: string[] }> {
  const profile = request.profile ?? request.report.meta.profile;
  const fonts = await resolveFonts(profile);
  const { html, assets } = await printPage(
    buildExportModel(request.report, request.template, { profile }),
    request.template,
    fonts,
    request.fontSubsetDir,
  );
  return { html, fonts: fonts.map(publicFont), assets };
}

/**
 * 打印预览: the PDF the same request would export, and its fonts. Printed through the session's
 * printer, so the export that follows an unchanged preview reuses it.
 */
export async function previewPdf(
  request: Pick<ExportRequest, "report" | "template" | "profile" | "fontSubsetDir">,
  renderer?: PdfRenderer,
): Promise<PrintedPdf & { fonts: ExportedFont[] }> {
  const profile = request.profile ?? request.report.meta.profile;
  const fonts = await resolveFonts(profile);
  const page = await printPage(
    buildExportModel(request.report, request.template, { profile }),
    request.template,
    fonts,
    request.fontSubsetDir,
  );
  const printed = await printOnce(page, renderer, (p) => printReportPdf(p, renderer));
  return { ...printed, fonts: fonts.map(publicFont) };
}

const printedBy = new WeakMap<PdfRenderer, PrintedPdfCache>();

/**
 * The PDF of a print page and its sheet count, printed once per long-lived printer (the app's
 * session) for as long as the page and its files stay the same; a one-off printer (the CLI's)
 * prints every time.
 */
async function printOnce<P extends PrintInput>(
  page: P,
  renderer: PdfRenderer | undefined,
  print: (page: P) => Promise<Uint8Array>,
): Promise<PrintedPdf> {
  const run = async () => {
    const pdf = await print(page);
    return { pdf, pages: await pageCount(pdf) };
  };
  if (renderer === undefined) return run();
  let cache = printedBy.get(renderer);
  if (cache === undefined) printedBy.set(renderer, (cache = new PrintedPdfCache()));
  return cache.print(page, run);
}

interface PrintPage {
  /** The page bound to font subsets. */
  html: string;
  /** The same page bound to the whole font files. */
  whole: string;
  /** The files `html` binds by file:// URL: the template's print.css and the font subsets. */
  assets: string[];
}

/**
 * The print page with its fonts cut down to what it can print. Every character Chromium prints
 * comes from the page's markup or its style sheet (the margin boxes' "— N —"), so the subsets
 * cover both in full; the markup's tags and URLs only add a few ASCII letters.
 */
async function printPage(
  model: ExportModel,
  template: Template,
  fonts: ResolvedFont[],
  fontSubsetDir: string | undefined,
): Promise<PrintPage> {
  const cssPath = printCssPath(template);
  const whole = renderPrintHtml(model, { cssPath, fonts });
  const subsets = await subsetFonts(fonts, whole + (await readFile(cssPath, "utf8")), fontSubsetDir);
  return { html: renderPrintHtml(model, { cssPath, fonts: subsets }), whole, assets: [cssPath, ...subsets.map((f) => f.file)] };
}

/** A subset Chromium refuses to load (the renderer's io_error) costs speed, not the export: the whole fonts print it then. */
async function printReportPdf(page: PrintPage, renderer: PdfRenderer | undefined): Promise<Uint8Array> {
  try {
    return await printPdf(page.html, renderer);
  } catch (error) {
    if (!(error instanceof NianbaoError && error.code === "io_error") || page.html === page.whole) throw error;
    return printPdf(page.whole, renderer);
  }
}

/** pdf-lib and playwright-core are loaded only for a PDF: they are most of a .docx export's start-up otherwise. */
async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await (await import("pdf-lib")).PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

function publicFont({ role, requested, used, substituted }: ResolvedFont): ExportedFont {
  return { role, requested, used, substituted };
}

export function printCssPath(template: Template): string {
  const path = join(templatesDir(), template.id, "print.css");
  if (!existsSync(path)) {
    throw new NianbaoError("template_invalid", `模板“${template.name}”缺少打印样式 print.css`, `template ${template.id} has no print.css`);
  }
  return path;
}

/** Chromium resolves the page's file:// font and style URLs only when the page itself is a file. */
async function printPdf(html: string, renderer: PdfRenderer | undefined): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-print-"));
  const active = renderer ?? new (await import("../pdf/chromium-pdf-renderer")).ChromiumPdfRenderer();
  try {
    const htmlPath = join(dir, "report.html");
    await writeFile(htmlPath, html, "utf8");
    return await active.render(htmlPath);
  } finally {
    // A caller's renderer stays up for its next export; our own goes with this one.
    if (renderer === undefined) await active.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes an exported file atomically; a failure names the file in both languages. */
export async function writeOutput(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw fileError(error, path, "write");
  }
}
