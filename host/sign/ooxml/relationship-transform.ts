import { canonicalize, childElements, escapeAttribute, NS, parseXmlDocument, XmlPartError } from "./signature-xml";

/**
 * The OPC RelationshipTransform (ECMA-376 Part 2, §13.2.4.24) followed by C14N, written by hand
 * because no npm library implements it: keeps the relationships chosen by Id (or by type), sorted
 * by Id as plain strings, with only Id, Target, TargetMode (Internal when absent) and Type, and no
 * whitespace — the form Office and LibreOffice digest.
 */
export function relationshipTransform(
  relsXml: string,
  part: string,
  sourceIds: ReadonlySet<string>,
  sourceTypes: ReadonlySet<string>,
): string {
  const root = parseXmlDocument(relsXml, part).documentElement;
  if (root.namespaceURI !== NS.relationships || root.localName !== "Relationships")
    throw new XmlPartError(`${part}: not a relationships part`);
  const kept = childElements(root, NS.relationships, "Relationship")
    .map((el) => ({
      id: el.getAttribute("Id") ?? "",
      target: el.getAttribute("Target") ?? "",
      // xmldom 0.8 answers "" for an absent attribute, not null.
      mode: el.hasAttribute("TargetMode") ? (el.getAttribute("TargetMode") ?? "") : "Internal",
      type: el.getAttribute("Type") ?? "",
    }))
    .filter((rel) => sourceIds.has(rel.id) || sourceTypes.has(rel.type))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const xml =
    `<Relationships xmlns="${NS.relationships}">` +
    kept
      .map(
        (rel) =>
          `<Relationship Id="${escapeAttribute(rel.id)}" Target="${escapeAttribute(rel.target)}" TargetMode="${escapeAttribute(rel.mode)}" Type="${escapeAttribute(rel.type)}"></Relationship>`,
      )
      .join("") +
    "</Relationships>";
  // Through the same C14N as every other digest, so escaping follows the canonical rules exactly.
  return canonicalize(parseXmlDocument(xml, part).documentElement);
}
