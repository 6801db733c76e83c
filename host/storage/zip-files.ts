import { deflateRawSync, inflateRawSync } from "node:zlib";
import { Unzip, UnzipPassThrough, Zip, ZipPassThrough, type AsyncFlateStreamHandler, type UnzipDecoder } from "fflate";

/**
 * A zip entry compressed by Node's zlib instead of fflate's JavaScript deflate: a 100-page
 * document.xml costs a cold CLI process ~30 ms in fflate and ~2 ms in zlib. Subclassing
 * ZipPassThrough is fflate's documented way to plug in another compressor; fflate still writes
 * the archive and takes the CRC and size from the uncompressed data pushed in.
 */
class ZlibDeflateEntry extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    // Entries are pushed whole (one chunk, final), so each is one complete deflate stream.
    this.ondata(null, new Uint8Array(deflateRawSync(chunk, { level: 6 })), final);
  }
}

/**
 * Zips files in the given order, deflated, into one archive. fflate's streaming writer puts each
 * entry's sizes in a data descriptor after it, as LibreOffice's own .docx files do, and Word and
 * LibreOffice read both forms.
 */
export function zipFiles(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error !== null) failure = error;
    else chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZlibDeflateEntry(name);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  if (failure !== null) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/** The unzip side of the same idea: fflate's `Unzip.register` takes decoders for a compression. */
class ZlibInflateDecoder implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private readonly chunks: Uint8Array[] = [];

  push(chunk: Uint8Array, final: boolean): void {
    // fflate may reuse the chunk's buffer after push returns.
    this.chunks.push(chunk.slice());
    if (final) this.ondata(null, new Uint8Array(inflateRawSync(Buffer.concat(this.chunks))), true);
  }
}

/**
 * Unzips a package this process has just written (the `docx` library's output): no size limits,
 * so never use it on a file from outside (host/import/read-zip-entries.ts guards those).
 */
export function unzipOwnPackage(bytes: Uint8Array): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (error !== null) {
        failure = error;
        return;
      }
      parts.push(chunk);
      if (final) files[file.name] = parts.length === 1 && parts[0] !== undefined ? parts[0] : new Uint8Array(Buffer.concat(parts));
    };
    file.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(ZlibInflateDecoder);
  unzip.push(bytes, true);
  if (failure !== null) throw failure;
  return files;
}
