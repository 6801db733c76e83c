import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";

/*
 * An independent reader of tracked changes in word/document.xml, written from ECMA-376 §17.13.5
 * and not from the exporter: accepting all changes drops w:del and unwraps w:ins, rejecting all
 * does the reverse; a paragraph whose mark is removed joins the next paragraph, a row whose
 * w:trPr is removed goes.
 */

export type Resolution = "accept" | "reject";

/** One part of an OOXML package as text; throws when the package lacks it. */
export function packagePart(path: string, name: string): string {
  const entry = unzipSync(readFileSync(path))[name];
  if (!entry) throw new Error(`${path} has no ${name}`);
  return strFromU8(entry);
}

export function documentXml(docxPath: string): string {
  return packagePart(docxPath, "word/document.xml");
}

/** The document's paragraphs as text ("\n" for a line break) once every change is accepted or rejected. */
export function resolvedParagraphs(xml: string, resolution: Resolution): string[] {
  const gone = resolution === "accept" ? "del" : "ins";
  const kept = resolution === "accept" ? "ins" : "del";
  let body = xml.replace(/<w:tr\b[^>]*>[\s\S]*?<\/w:tr>/g, (row) =>
    new RegExp(`<w:trPr>(?:(?!</w:trPr>)[\\s\\S])*<w:${gone}\\b`).test(row) ? "" : row,
  );
  body = body.replace(new RegExp(`<w:${gone}\\b[^>]*(?<!/)>[\\s\\S]*?</w:${gone}>`, "g"), "");
  body = body.replace(new RegExp(`<w:${kept}\\b[^>]*(?<!/)>|</w:${kept}>`, "g"), "");
  if (resolution === "reject") body = body.replace(/<w:delText\b/g, "<w:t").replace(/<\/w:delText>/g, "</w:t>");

  const out: string[] = [];
  let carried = "";
  for (const [paragraph] of body.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)) {
    const properties = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(paragraph)?.[0] ?? "";
    const markRemoved = new RegExp(`<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*<w:${gone}\\b[^>]*/>`).test(properties);
    const text = carried + paragraphText(paragraph.replace(properties, ""));
    if (markRemoved) {
      carried = text;
    } else {
      out.push(text);
      carried = "";
    }
  }
  if (carried !== "") out.push(carried);
  return out;
}

/** The paragraphs of a document without tracked changes, read the same way. */
export function plainParagraphs(xml: string): string[] {
  if (/<w:(ins|del)\b/.test(xml)) throw new Error("document has tracked changes");
  return resolvedParagraphs(xml, "accept");
}

function paragraphText(paragraph: string): string {
  let text = "";
  for (const m of paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\b[^>]*\/>|<w:tab\/>/g)) {
    if (m[0].startsWith("<w:br")) text += "\n";
    else if (m[0].startsWith("<w:tab")) text += "\t";
    else text += decodeXmlEntities(m[1] ?? "");
  }
  return text;
}

/** The five XML entities, and the numeric apostrophe poppler writes. */
export function decodeXmlEntities(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

/**
 * The paragraphs LibreOffice shows once every change is accepted, read from its own .odt: ODF keeps
 * deleted text only in <text:tracked-changes>, so the body without that region is the accepted text.
 */
export function odtAcceptedParagraphs(contentXml: string): string[] {
  const start = contentXml.indexOf("<office:text");
  const body = contentXml.slice(start < 0 ? 0 : start).replace(/<text:tracked-changes\b[\s\S]*?<\/text:tracked-changes>/g, "");
  return [...body.matchAll(/<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)].map((m) =>
    decodeXmlEntities(
      (m[2] ?? "")
        .replace(/<text:line-break\/>/g, "\n")
        .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => " ".repeat(Number(n)))
        .replace(/<text:s\/>/g, " ")
        .replace(/<text:tab\/>/g, "\t")
        .replace(/<[^>]+>/g, ""),
    ),
  );
}
