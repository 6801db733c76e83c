import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/** A print page as Chromium loads it: its markup and the files it binds (style sheet, font subsets). */
export interface PrintInput {
  html: string;
  assets: readonly string[];
}

export interface PrintedPdf {
  pdf: Uint8Array;
  pages: number;
}

/** Enough for a few 100-page reports (~0.5 MB each) and their previews; the oldest go first. */
const MAX_BYTES = 48 * 1024 * 1024;

/**
 * PDFs printed from identical print pages, kept per printer. Chromium lays out the same markup
 * with the same files the same way, so exporting again without an edit, or exporting right after
 * 打印预览 (which prints to count the pages), reuses the PDF instead of printing it again: the
 * largest part of such an export. The key covers every byte Chromium reads: the markup and the
 * contents of each bound file (a font subset rebuilt in place prints anew). The
 * reused PDF keeps the CreationDate of its first printing, which is when that content was laid out.
 */
export class PrintedPdfCache {
  private readonly entries = new Map<string, PrintedPdf>();
  private bytes = 0;

  async print(input: PrintInput, print: () => Promise<PrintedPdf>): Promise<PrintedPdf> {
    const key = await keyOf(input).catch(() => null);
    // A bound file that cannot be looked at now is Chromium's to report: print, keep nothing.
    if (key === null) return print();
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last, so eviction takes the oldest.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const printed = await print();
    this.entries.set(key, printed);
    this.bytes += printed.pdf.length;
    for (const [old, entry] of this.entries) {
      if (this.bytes <= MAX_BYTES || old === key) break;
      this.entries.delete(old);
      this.bytes -= entry.pdf.length;
    }
    return printed;
  }
}

async function keyOf({ html, assets }: PrintInput): Promise<string> {
  const hash = createHash("sha256").update(html);
  // Contents, not modification times: the subset cache touches its files on every use.
  for (const path of new Set(assets)) hash.update(`\0${path}\0`).update(await readFile(path));
  return hash.digest("hex");
}
