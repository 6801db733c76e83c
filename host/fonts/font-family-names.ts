import { open } from "node:fs/promises";
import { COLLECTION_TAG } from "./sfnt-tags";

/**
 * The family names a font file declares (name IDs 1 and 16, every language), read from its sfnt
 * `name` table; for a collection, from its first member. This is how Word and fontconfig know
 * that a file is "仿宋_GB2312" whatever it is called on disk. Hand-written: the table layout is
 * small and fixed, and no maintained npm reader is this light.
 */
export async function fontFamilyNames(path: string): Promise<string[]> {
  const handle = await open(path, "r");
  const read = async (position: number, length: number): Promise<Buffer> => {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  };
  try {
    let offset = 0;
    const head = await read(0, 12);
    if (head.length < 12) return [];
    if (head.readUInt32BE(0) === COLLECTION_TAG) offset = (await read(12, 4)).readUInt32BE(0);
    const dir = await read(offset, 12);
    if (dir.length < 12) return [];
    const numTables = dir.readUInt16BE(4);
    const records = await read(offset + 12, numTables * 16);
    let nameOffset = -1;
    let nameLength = 0;
    for (let i = 0; i + 16 <= records.length; i += 16) {
      if (records.toString("latin1", i, i + 4) === "name") {
        nameOffset = records.readUInt32BE(i + 8);
        nameLength = records.readUInt32BE(i + 12);
      }
    }
    if (nameOffset < 0) return [];
    const table = await read(nameOffset, Math.min(nameLength, 1 << 20));
    if (table.length < 6) return [];
    const count = table.readUInt16BE(2);
    const strings = table.readUInt16BE(4);
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      const at = 6 + i * 12;
      if (at + 12 > table.length) break;
      const platform = table.readUInt16BE(at);
      const encoding = table.readUInt16BE(at + 2);
      const nameId = table.readUInt16BE(at + 6);
      const length = table.readUInt16BE(at + 8);
      const start = strings + table.readUInt16BE(at + 10);
      if ((nameId !== 1 && nameId !== 16) || start + length > table.length) continue;
      // Mac names in legacy CJK encodings would decode as mojibake; Windows names cover them.
      if (platform === 1 && encoding !== 0) continue;
      const raw = table.subarray(start, start + length);
      // Windows (3) and Unicode (0) names are UTF-16BE; Mac Roman (1, encoding 0) names are ASCII here.
      if (platform !== 1 && length % 2 !== 0) continue;
      const text = platform === 1 ? raw.toString("latin1") : Buffer.from(raw).swap16().toString("utf16le");
      if (text.trim() !== "") names.add(text.trim());
    }
    return [...names];
  } catch {
    return [];
  } finally {
    await handle.close();
  }
}
