import { strFromU8, strToU8, unzipSync } from "fflate";
import { requestedFontFamily } from "../../core/export-model/font-roles";
import type { LayoutProfile } from "../../core/model/layout-profile";
import { zipFiles } from "../storage/zip-files";

/** A package's parts as `docx` makes them: XML as text, media as bytes. */
export type DocxParts = ReadonlyMap<string, string | Uint8Array>;

/**
 * `docx` always writes a theme whose fonts are Calibri and 等线; WPS then reports them as missing
 * and unstyled text falls back to them (gbt9704.md §2.5). No library option removes it, so the
 * package is rewritten: theme fonts become the document's own, and theme-font attributes go.
 */
export function cleanDocxParts(parts: DocxParts, profile: LayoutProfile): Uint8Array {
  const body = requestedFontFamily("body", profile);
  const latin = profile.timesNewRomanDigits ? requestedFontFamily("latin", profile) : body;
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) {
    if (name.endsWith(".xml")) files[name] = strToU8(cleanPart(name, typeof data === "string" ? data : strFromU8(data), body, latin));
    else files[name] = typeof data === "string" ? strToU8(data) : data;
  }
  return zipFiles(files);
}

/**
 * The same for a package `docx` has already zipped (when its parts could not be had unzipped).
 * Only for this process's own output: unzipSync has no size limits (host/import/read-zip-entries.ts
 * guards files from outside).
 */
export function cleanDocxPackage(zip: Uint8Array, profile: LayoutProfile): Uint8Array {
  return cleanDocxParts(new Map(Object.entries(unzipSync(zip))), profile);
}

function cleanPart(name: string, source: string, body: string, latin: string): string {
  let xml = source;
  if (name.startsWith("word/theme/")) {
    xml = xml
      .replace(/<a:latin typeface="[^"]*"/g, `<a:latin typeface="${latin}"`)
      .replace(/<a:ea typeface="[^"]*"/g, `<a:ea typeface="${body}"`)
      .replace(/<a:cs typeface="[^"]*"/g, `<a:cs typeface="${latin}"`)
      .replace(/<a:font script="[^"]*" typeface="[^"]*"\/>/g, "");
  }
  if (name === "word/styles.xml") {
    // `docx` cannot put these in docDefaults: widow control off keeps 22 lines on every page.
    // overflowPunct 1 is Word's own default (a line-end mark may hang); LibreOffice reads the value
    // inverted and then neither hangs nor drops the mark, breaking lines as Chromium does. The
    // 汉字/digit gap stays on (Word's default; LibreOffice cannot turn it off): print.css draws it.
    xml = xml.replace("<w:pPrDefault><w:pPr>", '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="1"/>');
    // LibreOffice gives a 22 pt title two rows of the line grid; off the grid it keeps one,
    // as Word does with exact spacing.
    xml = xml.replace(/(<w:style w:type="paragraph" w:styleId="Title">.*?<w:pPr>.*?)(<w:spacing )/, '$1<w:snapToGrid w:val="0"/>$2');
    // A statutory table's 五号 single-spaced lines: on the grid LibreOffice gives each a whole
    // 28.95 pt row and table 三 runs to three pages; Word keeps them single-spaced.
    xml = xml.replace(
      /(<w:style w:type="paragraph" w:styleId="NianbaoTableCompact">.*?<w:pPr>.*?)(<w:spacing )/,
      '$1<w:snapToGrid w:val="0"/>$2',
    );
  }
  xml = xml.replace(/ w:(ascii|hAnsi|eastAsia|cs)Theme="[^"]*"/g, "");
  // Built-in styles `docx` always adds (Caption, Hyperlink, …) carry theme colours: 5.2.4 wants black.
  return xml.replace(/<w:color w:val="[^"]*"(?: w:theme[A-Za-z]*="[^"]*")*\/>/g, '<w:color w:val="000000"/>');
}
