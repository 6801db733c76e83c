import type { PDFDict } from "pdf-lib";
import { PDFArray, PDFContext, PDFName, PDFRef } from "pdf-lib";
import { PdfRevision } from "../../../../host/sign/pdf/pdf-revision";

/**
 * Attacks on a signed PDF from the literature (Mladenov et al., "1 Trillion Dollar Refund", 2019;
 * Mainka et al., "Shadow Attacks", 2021), made at test time from a file Nianbao signed. Each
 * keeps both signed byte ranges byte for byte, which is what makes them dangerous.
 */

interface Update {
  /** Object number → the object's body (between `N 0 obj` and `endobj`). */
  objects: Map<number, string>;
}

/** Appends an incremental update (new objects, an xref table, a trailer with /Prev) as a PDF editor would. */
export function appendUpdate(pdf: Buffer, update: Update): Buffer {
  const full = new PdfRevision(pdf, pdf.length);
  const prev = full.sections[0] ?? 0;
  const parts: string[] = ["\n"];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const [number, body] of update.objects) {
    const text = `${number} 0 obj\n${body}\nendobj\n`;
    offsets.set(number, offset);
    parts.push(text);
    offset += Buffer.byteLength(text, "latin1");
  }
  return Buffer.concat([pdf, Buffer.from(parts.join("") + xrefAndTrailer(full, offsets, prev, offset), "latin1")]);
}

function xrefAndTrailer(full: PdfRevision, offsets: Map<number, number>, prev: number, xrefAt: number): string {
  const rows = [...offsets].map(([n, o]) => `${n} 1\n${String(o).padStart(10, "0")} 00000 n \n`);
  const size = Math.max(nextObjectNumber(full), ...[...offsets.keys()].map((n) => n + 1));
  const root = full.trailer.get(PDFName.of("Root"));
  const info = full.trailer.get(PDFName.of("Info"));
  const trailer = `<< /Size ${size} /Root ${String(root)}${info === undefined ? "" : ` /Info ${String(info)}`} /Prev ${prev} >>`;
  return `xref\n0 1\n0000000000 65535 f \n${rows.join("")}trailer\n${trailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
}

export function nextObjectNumber(revision: PdfRevision): number {
  return Math.max(0, ...revision.entries.keys()) + 1;
}

/** Page 1's object number and dictionary, as the file's structure gives them. */
export function firstPage(pdf: Buffer): { ref: PDFRef; dict: PDFDict; revision: PdfRevision } {
  const revision = new PdfRevision(pdf, pdf.length);
  const catalog = revision.dict(revision.trailer.get(PDFName.of("Root")));
  const pages = revision.dict(catalog?.get(PDFName.of("Pages")));
  const ref = revision.array(pages?.get(PDFName.of("Kids")))?.get(0);
  const dict = ref instanceof PDFRef ? revision.dict(ref) : null;
  if (!(ref instanceof PDFRef) || dict === null) throw new Error("no first page");
  return { ref, dict, revision };
}

const REPLACEMENT_TEXT = "BT /F1 24 Tf 72 700 Td (Budget: 9,999,999 yuan) Tj ET";

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
}

/** Incremental update: page 1 gets a new content stream. */
export function replacePageByUpdate(signed: Buffer): Buffer {
  const { ref, dict, revision } = firstPage(signed);
  const content = nextObjectNumber(revision);
  const page = dict.clone(PDFContext.create());
  page.set(PDFName.of("Contents"), PDFRef.of(content));
  return appendUpdate(signed, {
    objects: new Map([
      [content, stream(REPLACEMENT_TEXT)],
      [ref.objectNumber, page.toString()],
    ]),
  });
}

/** Shadow "replace": the content stream object itself is redefined; no page dictionary changes. */
export function shadowReplaceStream(signed: Buffer): Buffer {
  const { dict } = firstPage(signed);
  const contents = dict.get(PDFName.of("Contents"));
  const ref = contents instanceof PDFArray ? contents.get(0) : contents;
  if (!(ref instanceof PDFRef)) throw new Error("page 1 has no content stream reference");
  return appendUpdate(signed, { objects: new Map([[ref.objectNumber, stream(REPLACEMENT_TEXT)]]) });
}

/** Shadow "hide": the signed file already holds `hidden` (unreferenced); the update only points page 1 at it. */
export function shadowHideSwitch(signed: Buffer, hidden: number): Buffer {
  const { ref, dict } = firstPage(signed);
  const page = dict.clone(PDFContext.create());
  page.set(PDFName.of("Contents"), PDFRef.of(hidden));
  return appendUpdate(signed, { objects: new Map([[ref.objectNumber, page.toString()]]) });
}

/** An opaque white square annotation with new text over page 1's text. */
export function overlayAnnotation(signed: Buffer): Buffer {
  const { ref, dict, revision } = firstPage(signed);
  const annot = nextObjectNumber(revision);
  const appearance = annot + 1;
  const page = dict.clone(PDFContext.create());
  const annots = revision.array(dict.get(PDFName.of("Annots")))?.asArray() ?? [];
  page.set(PDFName.of("Annots"), PDFContext.create().obj([...annots, PDFRef.of(annot)]));
  const look = "1 1 1 rg 0 0 500 60 re f 0 0 0 rg BT /Helv 20 Tf 10 20 Td (Approved total: 9,999,999) Tj ET";
  return appendUpdate(signed, {
    objects: new Map([
      [ref.objectNumber, page.toString()],
      [annot, `<< /Type /Annot /Subtype /Square /Rect [60 740 560 800] /F 4 /P ${ref.toString()} /AP << /N ${appearance} 0 R >> >>`],
      [appearance, `<< /Type /XObject /Subtype /Form /BBox [0 0 500 60] /Length ${look.length} >>\nstream\n${look}\nendstream`],
    ]),
  });
}

/** The signed ranges and the gap between them, from the signature dictionary's ByteRange. */
export function gapOf(signed: Buffer): { b: number; c: number; cmsHex: string } {
  const match = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(signed.toString("latin1"));
  if (match === null) throw new Error("no ByteRange");
  const b = Number(match[1]);
  const c = Number(match[2]);
  const padded = Buffer.from(signed.subarray(b + 1, c - 1).toString("latin1"), "hex");
  const cmsHex = padded.subarray(0, derLength(padded)).toString("hex");
  return { b, c, cmsHex };
}

/**
 * The length of the DER value at the start of `der` (tag, length, content): where a CMS in a
 * zero-padded /Contents ends, since its own last bytes may be zeros too.
 */
export function derLength(der: Buffer): number {
  const first = der[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  return 2 + octets + der.subarray(2, 2 + octets).reduce((n, byte) => n * 256 + byte, 0);
}

/**
 * Writes `payload` into the gap after the CMS (where the zero padding was) and appends an
 * xref whose entries point at objects inside the gap: both signed ranges are untouched.
 */
function intoGap(signed: Buffer, body: string, objects: number[]): Buffer {
  const { b, c, cmsHex } = gapOf(signed);
  // Right after the CMS: close the hex string, then the payload, then a comment up to the gap's `>`.
  const start = b + 1 + cmsHex.length + 2;
  const text = `>\n${body}\n%`;
  if (start + text.length > c - 1) throw new Error("payload too large for the gap");
  const out = Buffer.from(signed);
  out.write(text, start, "latin1");
  const offsets = new Map(
    objects.map((n) => [n, start + 2 + body.search(new RegExp(`(^|\n)${n} 0 obj`)) + (body.startsWith(`${n} 0 obj`) ? 0 : 1)]),
  );
  const full = new PdfRevision(signed, signed.length);
  const tail = `\n${xrefAndTrailer(full, offsets, full.sections[0] ?? 0, out.length + 1)}`;
  return Buffer.concat([out, Buffer.from(tail, "latin1")]);
}

/** Signature wrapping: replacement page objects placed in the gap, reached through an appended xref. */
export function signatureWrapping(signed: Buffer): Buffer {
  const { ref, dict, revision } = firstPage(signed);
  const content = nextObjectNumber(revision);
  const page = dict.clone(PDFContext.create());
  page.set(PDFName.of("Contents"), PDFRef.of(content));
  return intoGap(signed, `${content} 0 obj\n${stream(REPLACEMENT_TEXT)}\nendobj\n${ref.objectNumber} 0 obj\n${page.toString()}\nendobj`, [
    content,
    ref.objectNumber,
  ]);
}

/** The attack that passed the old `verify`: a second /ByteRange, replacement page objects and an xref, all in the gap. */
export function secondByteRangeInGap(signed: Buffer): Buffer {
  const { ref, dict, revision } = firstPage(signed);
  const content = nextObjectNumber(revision);
  const page = dict.clone(PDFContext.create());
  page.set(PDFName.of("Contents"), PDFRef.of(content));
  return intoGap(
    signed,
    `/ByteRange [0 10 20 30] /Contents <00>\n${content} 0 obj\n${stream(REPLACEMENT_TEXT)}\nendobj\n${ref.objectNumber} 0 obj\n${page.toString()}\nendobj`,
    [content, ref.objectNumber],
  );
}

/** Text that is not hex written over the zero padding of /Contents, keeping the dictionary parseable. */
export function textInContentsPadding(signed: Buffer): Buffer {
  const { b, cmsHex } = gapOf(signed);
  const out = Buffer.from(signed);
  out.write(" /ByteRange [0 10 20 30] ", b + 1 + cmsHex.length + 2, "latin1");
  return out;
}
