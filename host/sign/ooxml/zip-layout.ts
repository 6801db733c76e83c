const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;

/**
 * Why a zip's bytes are not exactly its entries, or null when they are: every byte belongs to a
 * local header, entry data, a data descriptor, the central directory or its end record, in that
 * order, with no archive comment. Written by hand because zip readers (fflate, LibreOffice, Word)
 * tolerate data before the first entry and after the end record, and a signature over the entries
 * says nothing about such bytes. Zip64 is refused: a signed report is never that large.
 */
export function zipLayoutProblem(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const end = bytes.length - 22;
  if (end < 0 || u32(end) !== END) return "压缩包末尾有多余的数据（或带有注释）";
  if (u16(end + 20) !== 0) return "压缩包带有注释";
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) return "压缩包分卷信息异常";
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return "不支持 Zip64 压缩包";
  if (cdOffset + cdSize < end && end - cdSize >= 4 && u32(end - cdSize) === CENTRAL) return "压缩包开头有多余的数据";
  if (cdOffset + cdSize !== end) return "压缩包目录与末尾记录之间有多余的数据";

  const entries: { name: string; offset: number; size: number; crc: number; descriptor: boolean }[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(at) !== CENTRAL) return "压缩包目录已损坏";
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > end) return "压缩包目录已损坏";
    const size = u32(at + 20);
    if (size === 0xffffffff || u32(at + 42) === 0xffffffff) return "不支持 Zip64 压缩包";
    entries.push({
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8"),
      offset: u32(at + 42),
      size,
      crc: u32(at + 16),
      descriptor: (u16(at + 8) & 0x08) !== 0,
    });
    at = next;
  }
  if (at !== end) return "压缩包目录与末尾记录之间有多余的数据";
  if (new Set(entries.map((e) => e.name)).size !== entries.length) return "压缩包中有重名的部件";

  let position = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    if (entry.offset !== position) return position === 0 ? "压缩包开头有多余的数据" : "压缩包的部件之间有多余的数据";
    if (position + 30 > cdOffset || u32(position) !== LOCAL) return "压缩包部件头已损坏";
    const nameLength = u16(position + 26);
    const name = Buffer.from(bytes.subarray(position + 30, position + 30 + nameLength)).toString("utf8");
    if (name !== entry.name) return "压缩包部件名与目录不一致";
    position += 30 + nameLength + u16(position + 28) + entry.size;
    if (entry.descriptor) {
      // The descriptor's signature is optional; its CRC tells which form was written.
      if (position + 16 <= cdOffset && u32(position) === DESCRIPTOR && u32(position + 4) === entry.crc) position += 16;
      else if (position + 12 <= cdOffset && u32(position) === entry.crc) position += 12;
      else return "压缩包部件的数据描述已损坏";
    }
    if (position > cdOffset) return "压缩包部件超出了数据区";
  }
  if (position !== cdOffset) return entries.length === 0 ? "压缩包开头有多余的数据" : "压缩包的部件与目录之间有多余的数据";
  return null;
}
