import { open } from "node:fs/promises";
import { CFF_TAG, COLLECTION_TAG, TRUETYPE_TAGS } from "./sfnt-tags";

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
    if (tag === COLLECTION_TAG) {
      const first = head.readUInt32BE(12);
      const member = Buffer.alloc(4);
      await handle.read(member, 0, 4, first);
      tag = member.readUInt32BE(0);
    }
    if (TRUETYPE_TAGS.has(tag)) return "truetype";
    if (tag === CFF_TAG) return "cff";
    return "unknown";
  } finally {
    await handle.close();
  }
}
