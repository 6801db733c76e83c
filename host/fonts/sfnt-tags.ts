/** The first four bytes of a font file (OpenType spec, "Organization of an OpenType font"). */
export const COLLECTION_TAG = 0x74746366; // "ttcf"
/** TrueType outlines: version 1.0, or Apple's "true". */
export const TRUETYPE_TAGS: ReadonlySet<number> = new Set([0x00010000, 0x74727565]);
/** CFF outlines ("OTTO"), as in Noto/Source Han CJK and most .otf fonts. */
export const CFF_TAG = 0x4f54544f;
