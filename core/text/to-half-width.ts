const FULL_WIDTH = /[\uff01-\uff5e\u3000]/gu;

/**
 * Maps full-width digits, letters and ASCII punctuation (０-９, ％, ．, ：) to their half-width forms
 * and the ideographic space to a plain space. One character in, one out, so offsets found in
 * the result index the original text too.
 */
export function toHalfWidth(text: string): string {
  // Runs over every paragraph on import: most Chinese text has nothing to map, so the common case
  // returns the string itself instead of rebuilding it one character at a time.
  return text.replace(FULL_WIDTH, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
