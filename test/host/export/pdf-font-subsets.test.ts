import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportReport } from "../../../host/export/export-report";
import { fontFamilyNames } from "../../../host/fonts/font-family-names";
import { isIntactSfnt } from "../../../host/fonts/is-intact-sfnt";
import { resolveFonts } from "../../../host/fonts/resolve-fonts";
import { subsetFonts } from "../../../host/fonts/subset-fonts";
import { ChromiumPdfRenderer } from "../../../host/pdf/chromium-pdf-renderer";
import { check9704, pdfFonts } from "../../support/pdf-readers";
import { fixtureReport, readFixtureMarkdown, reportFromMarkdown } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

/*
 * The PDF is printed from fonts cut down to the report's characters and cached between exports.
 * Whatever the cache holds, every character must still print in an embedded CID TrueType font.
 */

const dir = mkdtempSync(join(tmpdir(), "nianbao-subsets-"));
const renderer = new ChromiumPdfRenderer();

afterAll(async () => {
  await renderer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The fixture with a level-1 heading and a paragraph in characters the published report never uses. */
function editedFixture(): ReturnType<typeof fixtureReport> {
  const markdown = readFixtureMarkdown().replace(
    "\n吴中区木渎镇人民政府",
    "\n## 五、鑫淼工作情况\n\n新增鑫淼两字。\n\n吴中区木渎镇人民政府",
  );
  return reportFromMarkdown(markdown);
}

const text = (pdf: string): string => execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
/** Font names without the subset tag (ABCDEF+), which differs between PDFs. */
const fontNames = (pdf: string): string[] => [...new Set(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, "")))].sort();

/** A TrueType collection (.ttc, like Windows' simsun.ttc) of the given single fonts, each with its own tables. */
function collectionOf(fonts: Buffer[]): Buffer {
  const head = Buffer.alloc(12 + 4 * fonts.length);
  head.write("ttcf", 0, "latin1");
  head.writeUInt32BE(0x00010000, 4);
  head.writeUInt32BE(fonts.length, 8);
  const chunks: Buffer[] = [head];
  let at = head.length;
  for (const [f, font] of fonts.entries()) {
    head.writeUInt32BE(at, 12 + 4 * f);
    const count = font.readUInt16BE(4);
    const directory = Buffer.from(font.subarray(0, 12 + 16 * count));
    chunks.push(directory);
    at += directory.length;
    for (let i = 0; i < count; i++) {
      const record = 12 + 16 * i;
      const offset = font.readUInt32BE(record + 8);
      const table = font.subarray(offset, offset + font.readUInt32BE(record + 12));
      directory.writeUInt32BE(at, record + 8);
      const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
      chunks.push(padded);
      at += padded.length;
    }
  }
  return Buffer.concat(chunks);
}

/** Zeroes a table of a single font and sets head.checkSumAdjustment again, so only a real font parser notices. */
function spoilTable(font: Buffer, tag: string): Buffer {
  const out = Buffer.from(font);
  const tableAt = (wanted: string): { offset: number; length: number } => {
    for (let i = 0; i < out.readUInt16BE(4); i++) {
      const record = 12 + 16 * i;
      if (out.toString("latin1", record, record + 4) === wanted)
        return { offset: out.readUInt32BE(record + 8), length: out.readUInt32BE(record + 12) };
    }
    throw new Error(`no ${wanted} table`);
  };
  const spoilt = tableAt(tag);
  out.fill(0, spoilt.offset, spoilt.offset + spoilt.length);
  const head = tableAt("head");
  out.writeUInt32BE(0, head.offset + 8);
  const padded = Buffer.concat([out, Buffer.alloc((4 - (out.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  out.writeUInt32BE((0xb1b0afba - sum) >>> 0, head.offset + 8);
  return out;
}

function expectEmbeddedCid(pdf: string): void {
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.type, font.name).toBe("CID TrueType");
    expect(font.embedded, font.name).toBe(true);
  }
}

/** Exports the fixture, lets `damage` spoil the cache entries, exports again and expects the same PDF text in the same fonts. */
async function reexportAfter(name: string, damage: (entries: string[]) => void): Promise<string[]> {
  const request = { report: fixtureReport(), template: fazhiTemplate(), renderer, fontSubsetDir: join(dir, `${name}-cache`) };
  const before = join(dir, `${name}-before.pdf`);
  const after = join(dir, `${name}-after.pdf`);
  await exportReport({ ...request, pdfPath: before });
  const entries = readdirSync(request.fontSubsetDir).map((entry) => join(request.fontSubsetDir, entry));
  expect(entries.length).toBeGreaterThan(0);
  damage(entries);
  await exportReport({ ...request, pdfPath: after });
  expect(text(after)).toBe(text(before));
  expect(fontNames(after)).toEqual(fontNames(before));
  expectEmbeddedCid(after);
  return entries;
}

describe("PDF export from cached font subsets", () => {
  it("prints characters added after a first export in the same embedded fonts", async () => {
    const cache = join(dir, "edit-cache");
    const template = fazhiTemplate();
    const first = join(dir, "first.pdf");
    const second = join(dir, "second.pdf");
    await exportReport({ report: fixtureReport(), template, pdfPath: first, renderer, fontSubsetDir: cache });
    const firstEntries = readdirSync(cache);
    expect(text(first)).not.toContain("鑫");

    await exportReport({ report: editedFixture(), template, pdfPath: second, renderer, fontSubsetDir: cache });
    const printed = text(second);
    expect(printed).toContain("五、鑫淼工作情况");
    expect(printed).toContain("新增鑫淼两字。");
    // A character missing from a stale subset would fall back to a system font: another (or a Type 3) font in the PDF.
    expect(fontNames(second)).toEqual(fontNames(first));
    expectEmbeddedCid(second);
    const { problems, summary } = check9704(second);
    expect(problems, summary).toEqual([]);
    // The edited report got subsets of its own; the first report's stay, and its next export makes none.
    const bothEntries = readdirSync(cache);
    expect(bothEntries.length).toBeGreaterThan(firstEntries.length);
    for (const entry of firstEntries) expect(bothEntries).toContain(entry);
    await exportReport({ report: fixtureReport(), template, pdfPath: join(dir, "again.pdf"), renderer, fontSubsetDir: cache });
    expect(readdirSync(cache)).toEqual(bothEntries);
    expect(text(join(dir, "again.pdf"))).toBe(text(first));
  }, 120_000);

  it("rebuilds a damaged cache entry and prints the same text as from intact ones", async () => {
    const entries = await reexportAfter("damaged", (entries) => {
      // One torn write, the others files of zeros of the same length.
      const [torn, ...rest] = entries;
      if (torn !== undefined) writeFileSync(torn, readFileSync(torn).subarray(0, 5000));
      for (const entry of rest) writeFileSync(entry, Buffer.alloc(readFileSync(entry).length));
    });
    for (const entry of entries) expect(isIntactSfnt(readFileSync(entry))).toBe(true);
  }, 120_000);

  it("prints from the whole fonts when Chromium refuses a cached subset that looks intact", async () => {
    await reexportAfter("refused", (entries) => {
      for (const entry of entries) {
        writeFileSync(entry, spoilTable(readFileSync(entry), "maxp"));
        expect(isIntactSfnt(readFileSync(entry))).toBe(true);
      }
    });
  }, 120_000);

  it("falls back to the original font files when the cache folder cannot be written", async () => {
    const fonts = await resolveFonts(fixtureReport().meta.profile);
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "a file where the cache folder would go");
    const subsets = await subsetFonts(fonts, "法治政府建设", join(blocker, "font-subsets"));
    expect(subsets.map((f) => f.file)).toEqual(fonts.map((f) => f.file));
  }, 60_000);

  it("gives concurrent exports of one text the same intact subsets, each smaller than its font", async () => {
    const fonts = await resolveFonts(fixtureReport().meta.profile);
    const cache = join(dir, "concurrent-cache");
    const [a, b] = await Promise.all([subsetFonts(fonts, "— 1 —法治政府", cache), subsetFonts(fonts, "— 1 —法治政府", cache)]);
    expect(a?.map((f) => f.file)).toEqual(b?.map((f) => f.file));
    for (const [i, font] of (a ?? []).entries()) {
      expect(font.file.startsWith(cache)).toBe(true);
      const subset = readFileSync(font.file);
      expect(isIntactSfnt(subset)).toBe(true);
      expect(subset.length).toBeLessThan(readFileSync(fonts[i]?.file ?? "").length);
    }
    // Every font role still has its own entry, and roles sharing a file share its subset.
    expect(new Set(a?.map((f) => f.file)).size).toBe(new Set(fonts.map((f) => f.file)).size);
  }, 60_000);

  it("caches the subset of a font with CFF outlines (Noto CJK, most .otf fonts) like a TrueType one", async () => {
    // fonts-noto-cjk's collections have CFF outlines; the subsetter keeps them, so the subset starts "OTTO".
    const cff = execFileSync("fc-list", ["--format", "%{file}\\n", ":fontformat=CFF"], { encoding: "utf8" })
      .split("\n")
      .find((f) => f.endsWith(".ttc"));
    if (cff === undefined) throw new Error("no CFF font collection installed (fonts-noto-cjk)");
    const [font] = await resolveFonts(fixtureReport().meta.profile);
    if (font === undefined) throw new Error("no font resolved");
    const cache = join(dir, "cff-cache");
    const [subset] = await subsetFonts([{ ...font, file: cff }], "— 3 —法治政府", cache);
    expect(subset?.file.startsWith(cache)).toBe(true);
    const cut = readFileSync(subset?.file ?? "");
    expect(cut.toString("latin1", 0, 4)).toBe("OTTO");
    expect(isIntactSfnt(cut)).toBe(true);
    // The next export finds it in the cache instead of cutting the font again.
    const [again] = await subsetFonts([{ ...font, file: cff }], "— 3 —法治政府", cache);
    expect(again?.file).toBe(subset?.file);
    expect(readdirSync(cache)).toHaveLength(1);
  }, 60_000);

  it("cuts a font file that was replaced in place from its new contents, though the warm subsetter read the old one", async () => {
    const fonts = await resolveFonts(fixtureReport().meta.profile);
    const [first, second] = [...new Set(fonts.map((f) => f.file))];
    const [font] = fonts;
    if (first === undefined || second === undefined || font === undefined) throw new Error("the fixture uses at least two font files");
    const replaced = join(dir, "replaced.ttf");
    writeFileSync(replaced, readFileSync(first));
    const [before] = await subsetFonts([{ ...font, file: replaced }], "— 4 —法治", join(dir, "replaced-cache-1"));
    // The subset keeps the font's own family name (the subsetter drops the typographic one).
    const familyOf = async (file: string) => (await fontFamilyNames(file))[0];
    expect(await familyOf(before?.file ?? "")).toBe(await familyOf(first));
    // The unit installs another font under the same name: the next export must not cut the old one it kept.
    writeFileSync(replaced, readFileSync(second));
    const [after] = await subsetFonts([{ ...font, file: replaced }], "— 4 —法治", join(dir, "replaced-cache-2"));
    expect(after?.file.startsWith(join(dir, "replaced-cache-2"))).toBe(true);
    expect(await familyOf(after?.file ?? "")).toBe(await familyOf(second));
    expect(await familyOf(second)).not.toBe(await familyOf(first));
  }, 60_000);

  it("cuts the first font of a collection (.ttc), the one Chromium prints", async () => {
    const fonts = await resolveFonts(fixtureReport().meta.profile);
    const [first, second] = [...new Set(fonts.map((f) => f.file))];
    if (first === undefined || second === undefined) throw new Error("the fixture uses at least two font files");
    const singles = await subsetFonts(
      fonts.filter((f) => f.file === first || f.file === second),
      "年度报告",
      join(dir, "singles-cache"),
    );
    const members = [...new Set(singles.map((f) => f.file))].map((file) => readFileSync(file));
    const collection = join(dir, "two-fonts.ttc");
    writeFileSync(collection, collectionOf(members));
    const [font] = fonts;
    if (font === undefined) throw new Error("no font resolved");
    const cache = join(dir, "collection-cache");
    const [subset] = await subsetFonts([{ ...font, file: collection }], "— 2 —年度", cache);
    expect(subset?.file.startsWith(cache)).toBe(true);
    const cut = readFileSync(subset?.file ?? "");
    expect(isIntactSfnt(cut)).toBe(true);
    const names = await fontFamilyNames(subset?.file ?? "");
    expect(names).toEqual(await fontFamilyNames(collection));
    expect(names).not.toEqual(await fontFamilyNames(second));
  }, 60_000);
});
