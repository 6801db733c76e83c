import {
  decodePDFRawStream,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFXRefStreamParser,
} from "pdf-lib";
import type { PDFObject } from "pdf-lib";

/** Where the cross-reference section says an object lives. */
export type ObjectLocation = { offset: number } | { stream: number; index: number };

/**
 * One revision of a PDF as a viewer reads it: the cross-reference chain that starts at the last
 * `startxref` before `end`, and only the bytes before `end`. Objects are parsed where the
 * cross-reference entries point, never found by scanning the file: a verifier that scans (as
 * pdf-lib's loader does: it reads objects in file order, the last definition wins) can be shown
 * other objects than a viewer, which is what shadow and wrapping attacks exploit. pdf-lib parses
 * each object and xref stream; the chain is followed here because pdf-lib keeps no offsets.
 */
export class PdfRevision {
  readonly entries = new Map<number, ObjectLocation>();
  readonly trailer: PDFDict;
  /** Offsets of every cross-reference section in the chain, newest first. */
  readonly sections: number[] = [];
  private readonly context = PDFContext.create();
  private readonly cache = new Map<number, PDFObject | null>();
  /** Objects a newer section marks free: an older section must not bring them back. */
  private readonly freed = new Set<number>();

  constructor(
    private readonly pdf: Uint8Array,
    readonly end: number,
  ) {
    const text = latin1(pdf.subarray(Math.max(0, end - 1024), end));
    const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
    if (match === null) throw new PdfStructureError("文件末尾没有 startxref / %%EOF");
    let trailer: PDFDict | null = null;
    let next: number | null = Number(match[1]);
    while (next !== null) {
      if (this.sections.includes(next) || this.sections.length > 1000) throw new PdfStructureError("交叉引用表循环引用");
      this.sections.push(next);
      const dict = this.readSection(next);
      trailer ??= dict;
      const prev = dict.get(PDFName.of("Prev"));
      next = prev instanceof PDFNumber ? prev.asNumber() : null;
    }
    if (trailer === null) throw new PdfStructureError("没有 trailer");
    this.trailer = trailer;
  }

  /** The object `ref` as this revision defines it; null when it is missing or cannot be parsed. */
  lookup(ref: PDFRef): PDFObject | null {
    const cached = this.cache.get(ref.objectNumber);
    if (cached !== undefined) return cached;
    let object: PDFObject | null;
    try {
      object = this.parse(ref.objectNumber);
    } catch {
      object = null;
    }
    this.cache.set(ref.objectNumber, object);
    return object;
  }

  resolve(value: PDFObject | undefined): PDFObject | null {
    if (value === undefined) return null;
    return value instanceof PDFRef ? this.lookup(value) : value;
  }

  dict(value: PDFObject | undefined): PDFDict | null {
    const object = this.resolve(value);
    return object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : null;
  }

  array(value: PDFObject | undefined): PDFArray | null {
    const object = this.resolve(value);
    return object instanceof PDFArray ? object : null;
  }

  /** The byte span `[start, end)` of an object stored at an offset, from its header to `endobj`. */
  span(objectNumber: number): { start: number; end: number } | null {
    const location = this.entries.get(objectNumber);
    if (location === undefined || !("offset" in location)) return null;
    const endobj = Buffer.from(this.pdf.buffer, this.pdf.byteOffset, this.end).indexOf("endobj", location.offset, "latin1");
    return endobj === -1 ? null : { start: location.offset, end: endobj + "endobj".length };
  }

  private parse(objectNumber: number): PDFObject | null {
    const location = this.entries.get(objectNumber);
    if (location === undefined) return null;
    if ("offset" in location) return this.parseAt(location.offset, objectNumber);
    const stream = this.parse(location.stream);
    if (!(stream instanceof PDFRawStream)) return null;
    const decoded = decodePDFRawStream(stream).decode();
    const count = numberOf(stream.dict.get(PDFName.of("N")));
    const first = numberOf(stream.dict.get(PDFName.of("First")));
    if (count === null || first === null || location.index >= count) return null;
    const header = latin1(decoded.subarray(0, first)).trim().split(/\s+/).map(Number);
    if (header[location.index * 2] !== objectNumber) return null;
    const offset = header[location.index * 2 + 1];
    if (offset === undefined) return null;
    return PDFObjectParser.forBytes(decoded.subarray(first + offset), this.context).parseObject();
  }

  /** Parses `N G obj …` at `offset`, requiring the header to name the object the xref says it is. */
  private parseAt(offset: number, objectNumber: number | null): PDFObject {
    const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1(this.pdf.subarray(offset, Math.min(offset + 40, this.end))));
    if (header === null || (objectNumber !== null && Number(header[1]) !== objectNumber)) {
      throw new PdfStructureError(`交叉引用表指向的位置 ${offset} 不是对象 ${objectNumber ?? ""}`);
    }
    return PDFObjectParser.forBytes(this.pdf.subarray(offset + header[0].length, this.end), this.context).parseObject();
  }

  /** Reads one cross-reference section (a table or an xref stream); earlier entries do not override later ones. */
  private readSection(offset: number): PDFDict {
    if (offset <= 0 || offset >= this.end) throw new PdfStructureError(`startxref 偏移 ${offset} 超出文件范围`);
    const head = latin1(this.pdf.subarray(offset, Math.min(offset + 4, this.end)));
    if (head === "xref") return this.readTable(offset);
    const stream = this.parseAt(offset, null);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Type")) !== PDFName.of("XRef")) {
      throw new PdfStructureError(`startxref 偏移 ${offset} 处不是交叉引用表`);
    }
    for (const entry of PDFXRefStreamParser.forStream(stream).parseIntoContext()) {
      if (this.known(entry.ref.objectNumber)) continue;
      if (entry.deleted) {
        this.freed.add(entry.ref.objectNumber);
        continue;
      }
      // pdf-lib's entry: for objects in a stream, offset is the stream's object number and the
      // generation field carries the index within it.
      this.entries.set(
        entry.ref.objectNumber,
        entry.inObjectStream ? { stream: entry.offset, index: entry.ref.generationNumber } : { offset: entry.offset },
      );
    }
    return stream.dict;
  }

  private known(objectNumber: number): boolean {
    return this.entries.has(objectNumber) || this.freed.has(objectNumber);
  }

  private readTable(offset: number): PDFDict {
    const trailerAt = Buffer.from(this.pdf.buffer, this.pdf.byteOffset, this.end).indexOf("trailer", offset, "latin1");
    if (trailerAt === -1) throw new PdfStructureError("交叉引用表没有 trailer");
    const lines = latin1(this.pdf.subarray(offset + 4, trailerAt))
      .trim()
      .split(/\r\n|\r|\n/);
    let number = 0;
    for (const raw of lines) {
      const line = raw.trim();
      const subsection = /^(\d+)\s+(\d+)$/.exec(line);
      if (subsection !== null) {
        number = Number(subsection[1]);
        continue;
      }
      const entry = /^(\d{10})\s+(\d{5})\s+([nf])$/.exec(line);
      if (entry === null) throw new PdfStructureError(`交叉引用表中有无法识别的行：${line.slice(0, 40)}`);
      if (!this.known(number)) {
        if (entry[3] === "n") this.entries.set(number, { offset: Number(entry[1]) });
        else this.freed.add(number);
      }
      number++;
    }
    const trailer = PDFObjectParser.forBytes(this.pdf.subarray(trailerAt + "trailer".length, this.end), this.context).parseObject();
    if (!(trailer instanceof PDFDict)) throw new PdfStructureError("trailer 不是字典");
    const hybrid = numberOf(trailer.get(PDFName.of("XRefStm")));
    if (hybrid !== null) this.readSection(hybrid);
    return trailer;
  }
}

/** The file's structure contradicts itself or cannot be followed. */
export class PdfStructureError extends Error {}

function numberOf(value: PDFObject | undefined): number | null {
  return value instanceof PDFNumber ? value.asNumber() : null;
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
