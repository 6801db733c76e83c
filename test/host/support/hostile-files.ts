import { closeSync, ftruncateSync, openSync } from "node:fs";
import iconv from "iconv-lite";
import { PDFDocument } from "pdf-lib";
import { serializeReport } from "../../../host/storage/report-file";
import { largeReport } from "../../support/large-report";
import { OLE_SIGNATURE } from "../import/support/make-docx";
import { deflatedEntry, zerosEntry, zipArchive } from "./deflated-zip";

/*
 * Hostile files of issue 9, made at test time: the CLI matrix (hostile-input-cli.test.ts) and the
 * app (test/e2e/hostile-files.test.ts) are fed the same bytes.
 */

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** 1 GB of zeros as word/document.xml, in under 2 MB; `declaredBytes` lets the entry lie about its size. */
export function zipBombDocx(declaredBytes?: number): Buffer {
  return zipArchive([
    deflatedEntry("[Content_Types].xml", CONTENT_TYPES),
    deflatedEntry("_rels/.rels", RELS),
    zerosEntry("word/document.xml", 1024, declaredBytes),
  ]);
}

/**
 * issue 13: a bomb spread over `entries` parts named word/document<N>.xml, each `mebibytes` MiB
 * of zeros under the per-entry cap (400 × 16 MiB = 6.4 GB in 6.6 MB); one deflate stream shared.
 */
export function spreadZipBombDocx(entries = 400, mebibytes = 16): Buffer {
  const zeros = zerosEntry("word/document.xml", mebibytes);
  const parts = Array.from({ length: entries }, (_, i) => ({ ...zeros, name: i === 0 ? "word/document.xml" : `word/document${i}.xml` }));
  return zipArchive([deflatedEntry("[Content_Types].xml", CONTENT_TYPES), deflatedEntry("_rels/.rels", RELS), ...parts]);
}

/** A package of `entries` tiny parts: more than any Word document has. */
export function manyEntriesDocx(entries: number): Buffer {
  const tiny = deflatedEntry("x", "<a/>");
  return zipArchive([
    deflatedEntry("[Content_Types].xml", CONTENT_TYPES),
    deflatedEntry("_rels/.rels", RELS),
    ...Array.from({ length: entries }, (_, i) => ({ ...tiny, name: `customXml/item${i}.xml` })),
  ]);
}

/** 2 MB of one-letter lines: text that would make a report too large to open (issue 13). */
export function millionLinesText(): string {
  return "2023年度某镇法治政府建设工作报告\n一、主要举措和成效\n" + "a\n".repeat(1_000_000);
}

/** An OLE compound file holding the named stream: EncryptedPackage for a password-protected .docx, WordDocument for a .doc. */
export function oleFile(stream: "EncryptedPackage" | "WordDocument"): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set(OLE_SIGNATURE);
  bytes.set(iconv.encode(stream, "utf16le"), 1024);
  return bytes;
}

export async function pdfBytes(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Annual report 2023");
  return pdf.save();
}

/** A valid one-page report's JSON, changed by `mutate`. */
export function reportJson(mutate: (raw: Record<string, unknown>) => void): string {
  const raw = JSON.parse(serializeReport(largeReport(1))) as Record<string, unknown>;
  mutate(raw);
  return JSON.stringify(raw);
}

/** A file of `bytes` zero bytes that takes no disk space. */
export function sparseFile(path: string, bytes: number): string {
  const fd = openSync(path, "w");
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}
