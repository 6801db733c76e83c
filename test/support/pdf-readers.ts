import { diffArrays } from "diff";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./template";
import { decodeXmlEntities } from "./tracked-changes";

/*
 * The independent readers the export is judged by: poppler (pdftotext, pdffonts), LibreOffice,
 * and the vendored grid check test/tools/check-9704.py. Nothing here uses the exporter's code.
 */

export interface PdfLine {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Lines per page from `pdftotext -bbox-layout`, in points. */
export function pdfLines(pdf: string): PdfLine[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const lines: PdfLine[] = [];
  let page = 0;
  const re = /<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  for (const m of html.matchAll(re)) {
    if (m[0].startsWith("<page")) {
      page++;
      continue;
    }
    const words = [...(m[5] ?? "").matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decodeXmlEntities(w[1] ?? ""));
    lines.push({ page, text: words.join(""), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return lines;
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}

export function pageSizePt(pdf: string): { width: number; height: number } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const m = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: string): PdfFont[] {
  const out = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((row) => {
      const type = /(CID TrueType|TrueType \(CID\)|TrueType|Type 3|Type 1C|Type 1|CID Type 0C|CID Type 0)/.exec(row)?.[1] ?? "unknown";
      const flags = row
        .slice(row.indexOf(type) + type.length)
        .trim()
        .split(/\s+/);
      // columns after the type: encoding, emb, sub, uni, object, id
      return { name: row.split(/\s+/)[0] ?? "", type, embedded: flags[1] === "yes" };
    });
}

/** Runs the vendored grid check; returns its problem lines (empty when the PDF conforms). */
export function check9704(pdf: string): { ok: boolean; problems: string[]; summary: string } {
  const result = spawnSync("python3", [join(repoRoot, "test/tools/check-9704.py"), pdf, "--fonts"], { encoding: "utf8" });
  const lines = result.stdout.trimEnd().split("\n");
  return { ok: result.status === 0, problems: lines.filter((l) => l.startsWith("  ")).map((l) => l.trim()), summary: lines.at(-1) ?? "" };
}

/** LibreOffice, headless, with its own profile and the test font aliases, converts all files in one run. */
export function libreOfficeToPdf(files: string[], outDir: string): void {
  libreOfficeConvert(files, outDir, "pdf");
}

/**
 * As libreOfficeToPdf, to any LibreOffice output filter ("odt", "txt:Text (encoded):UTF8"); `inFilter`
 * names the import filter when the extension does not pick the right one.
 */
export function libreOfficeConvert(files: string[], outDir: string, format: string, inFilter?: string): void {
  const profile = mkdtempSync(join(tmpdir(), "nianbao-lo-profile-"));
  const filterArgs = inFilter === undefined ? [] : [`--infilter=${inFilter}`];
  const result = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      ...filterArgs,
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    {
      encoding: "utf8",
      env: { ...process.env, FONTCONFIG_FILE: join(repoRoot, "test/fonts/fonts.conf") },
      timeout: 120_000,
    },
  );
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
}

/** The characters a reader must find, in order: 汉字, letters and digits (punctuation and spaces vary by renderer). */
export function essentialText(text: string): string {
  return text.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, "");
}

/**
 * The text lines of a PDF as `pdftotext -layout` sets them, page by page, spaces removed (each
 * renderer spaces differently) and page numbers ("— 3 —") left out.
 */
export function layoutLines(pdf: string): { page: number; text: string }[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return text.split("\f").flatMap((page, i) =>
    page
      .split("\n")
      .map((line) => line.replace(/\s+/g, ""))
      .filter((line) => line !== "" && !/^[—\-–]\d+[—\-–]$/.test(line))
      .map((line) => ({ page: i + 1, text: line })),
  );
}

/** Share of lines two renderings break identically: lines in common (in order) over the longer count. */
export function identicalLineShare(a: string[], b: string[]): number {
  const common = diffArrays(a, b)
    .filter((change) => !change.added && !change.removed)
    .reduce((n, change) => n + change.count, 0);
  return common / Math.max(a.length, b.length, 1);
}

/** How often each full-width mark occurs in the lines. */
export function punctuationCounts(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ch of lines.join("")) if (/[，。、；：？！）”’》]/.test(ch)) counts[ch] = (counts[ch] ?? 0) + 1;
  return counts;
}
