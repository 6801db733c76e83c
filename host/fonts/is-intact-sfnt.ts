import { CFF_TAG, TRUETYPE_TAGS } from "./sfnt-tags";

/** What every intact sfnt's big-endian uint32 words add up to, once head.checkSumAdjustment is set (OpenType spec, `head` table). */
const SFNT_CHECKSUM_MAGIC = 0xb1b0afba;

/**
 * True when `bytes` is a whole single font (TrueType or CFF outlines) whose checksum holds. This
 * catches a torn, truncated or overwritten cache file before Chromium loads it. Hand-written:
 * summing 32-bit words needs no library.
 */
export function isIntactSfnt(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = view.getUint32(0);
  if (!TRUETYPE_TAGS.has(tag) && tag !== CFF_TAG) return false;
  let sum = 0;
  const whole = bytes.length - (bytes.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  // The last word is zero-padded, as the spec's checksum algorithm does.
  let tail = 0;
  for (let i = whole; i < bytes.length; i++) tail |= (bytes[i] ?? 0) << (8 * (3 - (i - whole)));
  return (sum + (tail >>> 0)) >>> 0 === SFNT_CHECKSUM_MAGIC;
}
