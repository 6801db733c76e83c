import { crc32, constants, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Uint8Array;
  crc: number;
  /** The size the headers declare; a zip bomb may lie here. */
  declaredSize: number;
}

/** An entry whose data is deflated in one go (small parts of a package). */
export function deflatedEntry(name: string, content: string | Uint8Array): ZipEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, deflated: deflateRawSync(bytes), crc: crc32(bytes), declaredSize: bytes.length };
}

/**
 * `size` MiB of zeros as one deflate stream of about size KB, made without ever holding or
 * compressing `size` MiB: one MiB is deflated up to a full flush (byte-aligned, no back-references
 * across it), that chunk is repeated, and an empty final block closes the stream.
 */
export function zerosEntry(name: string, mebibytes: number, declaredSize = mebibytes * 1024 * 1024): ZipEntry {
  const mib = Buffer.alloc(1024 * 1024);
  const chunk = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Uint8Array[] = [];
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) {
    parts.push(chunk);
    crc = crc32(mib, crc);
  }
  parts.push(Uint8Array.from([0x03, 0x00]));
  return { name, deflated: Buffer.concat(parts), crc, declaredSize };
}

/*
 * Written by hand because zip libraries (fflate included) insist on compressing the data
 * themselves and record its true size: a bomb needs pre-made deflate data and a chosen header.
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeEntryFields(central, 6, entry, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.deflated));
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The run of fields the local header and the central directory record share, from "version needed" to the name length. */
function writeEntryFields(header: Buffer, at: number, entry: ZipEntry, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt16LE(0x21, at + 8);
  header.writeUInt32LE(entry.crc >>> 0, at + 10);
  header.writeUInt32LE(entry.deflated.length, at + 14);
  header.writeUInt32LE(entry.declaredSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}
