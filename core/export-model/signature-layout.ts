import type { LayoutProfile } from "../model/layout-profile";

/**
 * Width of a line of text in 字 of its own size: 汉字 and full-width marks 1, ASCII 0.5
 * (Times New Roman and the CJK fonts' proportional digits are both close to half an em).
 */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
  return width;
}

export interface SignatureIndents {
  orgRightIndentChars: number;
  dateRightIndentChars: number;
  /** Blank body lines between the text and the 署名. */
  blankLinesBefore: number;
}

/** GB/T 9704 7.3.5.1 (sealed) and 7.3.5.2 (unsealed), worked out in gbt9704.md §1.7 and §2.7. */
export function signatureIndents(org: string, date: string, closing: LayoutProfile["closing"]): SignatureIndents {
  const nameW = textWidthChars(org);
  const dateW = textWidthChars(date);
  if (closing === "sealed") {
    const centred = 4 + (dateW - nameW) / 2;
    // A 署名 much longer than the date cannot stay centred over it inside the type area; the
    // standard is silent, so the 署名 goes flush right and the date keeps its 右空四字.
    return { orgRightIndentChars: Math.max(0, centred), dateRightIndentChars: 4, blankLinesBefore: 2 };
  }
  if (nameW >= dateW + 2) {
    return { orgRightIndentChars: 2, dateRightIndentChars: nameW - dateW, blankLinesBefore: 1 };
  }
  return { orgRightIndentChars: dateW + 4 - nameW, dateRightIndentChars: 2, blankLinesBefore: 1 };
}
