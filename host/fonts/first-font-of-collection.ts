import { COLLECTION_TAG } from "./sfnt-tags";

/** True when the bytes start a font collection (.ttc), such as Windows' simsun.ttc (宋体). */
export function isFontCollection(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) === COLLECTION_TAG;
}

/**
 * The first font of a collection as a file of its own (null when the collection is malformed):
 * Chromium prints a collection's first font, and the subsetter takes single fonts only. The
 * tables are copied, 4-byte aligned, behind a table directory whose offsets point at them.
 * Hand-written: copying a table directory needs no library.
 */
export function firstFontOfCollection(collection: Uint8Array): Uint8Array | null {
  const view = new DataView(collection.buffer, collection.byteOffset, collection.byteLength);
  if (!isFontCollection(collection) || collection.length < 16) return null;
  const start = view.getUint32(12);
  if (start + 12 > collection.length) return null;
  const numTables = view.getUint16(start + 4);
  const directory = 12 + numTables * 16;
  if (start + directory > collection.length) return null;
  const tables: { record: number; offset: number; length: number }[] = [];
  let size = directory;
  for (let i = 0; i < numTables; i++) {
    const record = start + 12 + i * 16;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    if (offset + length > collection.length) return null;
    tables.push({ record, offset, length });
    size += Math.ceil(length / 4) * 4;
  }
  const font = new Uint8Array(size);
  const out = new DataView(font.buffer);
  font.set(collection.subarray(start, start + 12), 0);
  let next = directory;
  for (const [i, table] of tables.entries()) {
    const record = 12 + i * 16;
    // Tag and checksum as they were; offset and length for this file.
    font.set(collection.subarray(table.record, table.record + 8), record);
    out.setUint32(record + 8, next);
    out.setUint32(record + 12, table.length);
    font.set(collection.subarray(table.offset, table.offset + table.length), next);
    next += Math.ceil(table.length / 4) * 4;
  }
  return font;
}
