/**
 * Maps full-width digits, letters and ASCII punctuation (０-９, ％, ．, ：) to their half-width forms
 * and the ideographic space to a plain space. One character in, one out, so offsets found in
 * the result index the original text too.
 */
export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}
