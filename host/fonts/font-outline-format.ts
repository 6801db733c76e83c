import { open } from "node:fs/promises";

export type OutlineFormat = "truetype" | "cff" | "unknown";

/**
 * Chromium's PDF backend turns CFF-outline fonts into Type 3 (stack-notes §7), so only
 * TrueType-outline files may feed the print page. The sfnt tag tells the two apart; for a
 * collection (.ttc) the first member's tag decides. Hand-written: reading 16 bytes needs no library.
 */
export async function fontOutlineFormat(path: string): Promise<OutlineFormat> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    let tag = head.readUInt32BE(0);
    if (tag === 0x74746366 /* ttcf */) {
      const first = head.readUInt32BE(12);
      const member = Buffer.alloc(4);
      await handle.read(member, 0, 4, first);
      tag = member.readUInt32BE(0);
    }
    if (tag === 0x00010000 || tag === 0x74727565 /* true */) return "truetype";
    if (tag === 0x4f54544f /* OTTO */) return "cff";
    return "unknown";
  } finally {
    await handle.close();
  }
}
