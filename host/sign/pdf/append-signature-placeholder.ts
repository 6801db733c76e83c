import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS } from "@signpdf/utils";
import { PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import type { PDFObject, PDFArray } from "pdf-lib";
import { latin1, PdfRevision, PdfStructureError } from "./pdf-revision";

export interface SignaturePlaceholder {
  reason: string;
  /** The person applying the certificate. */
  name: string;
  signingTime: Date;
  subFilter: string;
  /** Hex digits reserved in /Contents (as @signpdf counts it): room for a CMS of half as many bytes. */
  signatureLength: number;
  /** Changes the document information dictionary in the same update (an empty one when the file has none). */
  editInfo: (info: PDFDict) => void;
}

/**
 * Adds an invisible signature field with an unsigned placeholder (/ByteRange and /Contents as
 * @signpdf/signpdf fills them) as an incremental update: the exported bytes stay as they are and
 * only the catalog, the first page, the information dictionary and the new objects are appended.
 * Rewriting the whole file with pdf-lib cost a 100-page report ~100 ms of the < 300 ms signing
 * budget; pdf-lib cannot write incremental updates and @signpdf/placeholder-plain finds objects by
 * searching the text, so the update is written here, by hand, with pdf-lib serialising each object
 * and the objects read through the cross-reference chain (pdf-revision.ts), as viewers read them.
 * The new field is what @signpdf/placeholder-pdf-lib adds. Returns null when the file's last
 * revision is not a classic cross-reference table (xref streams): the caller rewrites it first.
 */
export function appendSignaturePlaceholder(pdf: Uint8Array, placeholder: SignaturePlaceholder): Buffer | null {
  const revision = new PdfRevision(pdf, pdf.length);
  const table = revision.sections.every((offset) => latin1(pdf.subarray(offset, offset + 4)) === "xref");
  if (!table || revision.trailer.has(PDFName.of("XRefStm"))) return null;
  if (revision.trailer.has(PDFName.of("Encrypt"))) throw new PdfStructureError("文件已加密");
  const rootRef = refOf(revision.trailer.get(PDFName.of("Root")), "trailer /Root");
  const size = numberOf(revision.trailer.get(PDFName.of("Size")), "trailer /Size");

  const context = PDFContext.create();
  context.largestObjectNumber = size - 1;
  const catalog = dictAt(revision, rootRef, "文档目录（/Root）", context);
  const pageRef = firstPage(revision, catalog.get(PDFName.of("Pages")));
  const page = dictAt(revision, pageRef, "第 1 页", context);

  const infoRef = revision.trailer.get(PDFName.of("Info"));
  const info = infoRef instanceof PDFRef ? dictAt(revision, infoRef, "文档信息（/Info）", context) : context.obj({});
  placeholder.editInfo(info);
  context.assign(infoRef instanceof PDFRef ? infoRef : context.nextRef(), info);
  const writtenInfoRef = context.getObjectRef(info);

  const byteRange = context.obj([0, ...Array.from({ length: 3 }, () => PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER))]);
  const signature = context.register(
    context.obj({
      Type: "Sig",
      Filter: "Adobe.PPKLite",
      SubFilter: placeholder.subFilter,
      ByteRange: byteRange,
      Contents: PDFHexString.of("0".repeat(placeholder.signatureLength)),
      Reason: PDFHexString.fromText(placeholder.reason),
      M: PDFString.fromDate(placeholder.signingTime),
      ContactInfo: PDFString.of(""),
      Name: PDFHexString.fromText(placeholder.name),
      Location: PDFString.of(""),
      Prop_Build: { Filter: { Name: "Adobe.PPKLite" }, App: { Name: "Nianbao" } },
    }),
  );
  // Acrobat wants /Resources even in an empty appearance; PDF/A wants the appearance itself.
  const appearance = context.register(context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const widget = context.register(
    context.obj({
      Type: "Annot",
      Subtype: "Widget",
      FT: "Sig",
      Rect: [0, 0, 0, 0],
      V: signature,
      T: PDFString.of("Signature1"),
      F: ANNOTATION_FLAGS.PRINT,
      P: pageRef,
      AP: { N: appearance },
    }),
  );

  const annots = arrayIn(revision, page.get(PDFName.of("Annots")), context);
  annots.push(widget);
  page.set(PDFName.of("Annots"), annots);
  context.assign(pageRef, page);

  const existingForm = catalog.get(PDFName.of("AcroForm"));
  const form =
    existingForm instanceof PDFRef
      ? dictAt(revision, existingForm, "表单（/AcroForm）", context)
      : (revision.dict(existingForm)?.clone(context) ?? context.obj({}));
  const flags = form.get(PDFName.of("SigFlags"));
  form.set(
    PDFName.of("SigFlags"),
    PDFNumber.of((flags instanceof PDFNumber ? flags.asNumber() : 0) | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY),
  );
  const fields = arrayIn(revision, form.get(PDFName.of("Fields")), context);
  fields.push(widget);
  form.set(PDFName.of("Fields"), fields);
  if (existingForm instanceof PDFRef) context.assign(existingForm, form);
  else catalog.set(PDFName.of("AcroForm"), context.register(form));
  context.assign(rootRef, catalog);

  const trailer = context.obj({ Size: context.largestObjectNumber + 1, Root: rootRef, Prev: revision.sections[0] ?? 0 });
  if (writtenInfoRef !== undefined) trailer.set(PDFName.of("Info"), writtenInfoRef);
  const id = revision.trailer.get(PDFName.of("ID"));
  if (id !== undefined) trailer.set(PDFName.of("ID"), id.clone(context));
  return Buffer.concat([pdf, update(context, trailer, pdf.length, pdf[pdf.length - 1] === 0x0a)]);
}

/** The appended objects, their cross-reference section and the trailer pointing back at the previous one. */
function update(context: PDFContext, trailer: PDFDict, start: number, endsWithNewline: boolean): Buffer {
  const chunks: Buffer[] = endsWithNewline ? [] : [Buffer.from("\n")];
  let offset = start + (endsWithNewline ? 0 : 1);
  const offsets: { ref: PDFRef; offset: number }[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const body = new Uint8Array(object.sizeInBytes());
    object.copyBytesInto(body, 0);
    const chunk = Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push({ ref, offset });
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = ["xref"];
  const sorted = offsets.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]?.ref.objectNumber === (sorted[j - 1]?.ref.objectNumber ?? 0) + 1) j++;
    xref.push(`${sorted[i]?.ref.objectNumber ?? 0} ${j - i}`);
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, "n", space, newline.
    for (const { ref, offset: at } of sorted.slice(i, j))
      xref.push(`${String(at).padStart(10, "0")} ${String(ref.generationNumber).padStart(5, "0")} n `);
    i = j;
  }
  chunks.push(Buffer.from(`${xref.join("\n")}\ntrailer\n${trailer.toString()}\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return Buffer.concat(chunks);
}

/** The first leaf of the page tree, as pdf-lib's getPages()[0] finds it. */
function firstPage(revision: PdfRevision, pages: PDFObject | undefined): PDFRef {
  let node = pages;
  for (let depth = 0; depth < 64; depth++) {
    if (!(node instanceof PDFRef)) break;
    const dict = revision.dict(node);
    if (dict === null) break;
    if (dict.get(PDFName.of("Type")) === PDFName.of("Page")) return node;
    node = revision.array(dict.get(PDFName.of("Kids")))?.get(0);
  }
  throw new PdfStructureError("找不到第 1 页");
}

/** A copy of the dictionary `ref` names, to be written again under the same number. */
function dictAt(revision: PdfRevision, ref: PDFRef, what: string, context: PDFContext): PDFDict {
  const object = revision.lookup(ref);
  if (!(object instanceof PDFDict)) throw new PdfStructureError(`${what}不是字典`);
  return object.clone(context);
}

/** An array stored inline or by reference, copied inline (the new version replaces the old one for this object only). */
function arrayIn(revision: PdfRevision, value: PDFObject | undefined, context: PDFContext): PDFArray {
  return revision.array(value)?.clone(context) ?? context.obj([]);
}

function refOf(value: PDFObject | undefined, what: string): PDFRef {
  if (!(value instanceof PDFRef)) throw new PdfStructureError(`${what} 不是间接引用`);
  return value;
}

function numberOf(value: PDFObject | undefined, what: string): number {
  if (!(value instanceof PDFNumber)) throw new PdfStructureError(`${what} 不是数字`);
  return value.asNumber();
}
