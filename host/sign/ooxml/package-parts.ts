import { posix } from "node:path";
import { childElements, NS, parseXmlDocument, XmlPartError } from "./signature-xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const RELS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
export const SIGNATURE_FOLDER = "_xmlsignatures/";

/**
 * The relationship types whose targets Office signs (the list Office 2010 uses, as Apache POI
 * records it): everything that makes up the document. Core, extended and custom properties and
 * thumbnails are deliberately left out, so editing document properties keeps a signature valid.
 */
const SIGNED_TYPE_SUFFIXES = [
  "powerPivotData",
  "activeXControlBinary",
  "attachedToolbars",
  "connectorXml",
  "downRev",
  "functionPrototypes",
  "graphicFrameDoc",
  "groupShapeXml",
  "ink",
  "keyMapCustomizations",
  "legacyDiagramText",
  "legacyDocTextInfo",
  "officeDocument",
  "pictureXml",
  "shapeXml",
  "smartTags",
  "ui/altText",
  "ui/buttonSize",
  "ui/controlID",
  "ui/description",
  "ui/enabled",
  "ui/extensibility",
  "ui/helperText",
  "ui/imageID",
  "ui/imageMso",
  "ui/keyTip",
  "ui/label",
  "ui/lcid",
  "ui/loud",
  "ui/pressed",
  "ui/progID",
  "ui/ribbonID",
  "ui/showImage",
  "ui/showLabel",
  "ui/supertip",
  "ui/target",
  "ui/text",
  "ui/title",
  "ui/tooltip",
  "ui/userCustomization",
  "ui/visible",
  "userXmlData",
  "vbaProject",
  "wordVbaData",
  "wsSortMap",
  "xlBinaryIndex",
  "xlExternalLinkPath/xlAlternateStartup",
  "xlExternalLinkPath/xlLibrary",
  "xlExternalLinkPath/xlPathMissing",
  "xlExternalLinkPath/xlStartup",
  "xlIntlMacrosheet",
  "xlMacrosheet",
  "customData",
  "diagramDrawing",
  "hdphoto",
  "inkXml",
  "media",
  "slicer",
  "slicerCache",
  "stylesWithEffects",
  "chartColorStyle",
  "chartLayout",
  "chartStyle",
  "dictionary",
  "timeline",
  "timelineCache",
  "aFChunk",
  "attachedTemplate",
  "audio",
  "calcChain",
  "chart",
  "chartsheet",
  "chartUserShapes",
  "commentAuthors",
  "comments",
  "connections",
  "control",
  "customProperty",
  "customXml",
  "diagramColors",
  "diagramData",
  "diagramLayout",
  "diagramQuickStyle",
  "dialogsheet",
  "drawing",
  "endnotes",
  "externalLink",
  "externalLinkPath",
  "font",
  "fontTable",
  "footer",
  "footnotes",
  "glossaryDocument",
  "handoutMaster",
  "header",
  "hyperlink",
  "image",
  "mailMergeHeaderSource",
  "mailMergeRecipientData",
  "mailMergeSource",
  "notesMaster",
  "notesSlide",
  "numbering",
  "oleObject",
  "package",
  "pivotCacheDefinition",
  "pivotCacheRecords",
  "pivotTable",
  "presProps",
  "printerSettings",
  "queryTable",
  "recipientData",
  "settings",
  "sharedStrings",
  "sheetMetadata",
  "slide",
  "slideLayout",
  "slideMaster",
  "slideUpdateInfo",
  "slideUpdateUrl",
  "styles",
  "table",
  "tableSingleCells",
  "tableStyles",
  "tags",
  "theme",
  "themeOverride",
  "transform",
  "video",
  "viewProps",
  "volatileDependencies",
  "webSettings",
  "worksheet",
  "xmlMaps",
  "ctrlProp",
  "diagram",
  "diagramColorsHeader",
  "diagramLayoutHeader",
  "diagramQuickStyleHeader",
  "documentParts",
  "vmlDrawing",
].map((suffix) => `/${suffix}`);

export function isSignedRelationshipType(type: string): boolean {
  return SIGNED_TYPE_SUFFIXES.some((suffix) => type.endsWith(suffix));
}

export function isRelsPart(name: string): boolean {
  return /(^|\/)_rels\/[^/]*\.rels$/.test(name);
}

/** "word/_rels/document.xml.rels" → "word/document.xml"; "_rels/.rels" → "" (the package). */
export function sourceOfRels(relsName: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName);
  return match === null ? "" : `${match[1] ?? ""}${match[2] ?? ""}`;
}

export function readRelationships(xml: string, part: string): Relationship[] {
  const root = parseXmlDocument(xml, part).documentElement;
  if (root.namespaceURI !== NS.relationships || root.localName !== "Relationships")
    throw new XmlPartError(`${part}: not a relationships part`);
  return childElements(root, NS.relationships, "Relationship").map((el) => ({
    id: el.getAttribute("Id") ?? "",
    type: el.getAttribute("Type") ?? "",
    target: el.getAttribute("Target") ?? "",
    external: el.getAttribute("TargetMode") === "External",
  }));
}

/** The zip entry name a relationship of `source` points at, or null when it leaves the package. */
export function resolveTarget(source: string, target: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/[?#].*$/, ""));
  } catch {
    return null;
  }
  const joined = decoded.startsWith("/") ? decoded.slice(1) : posix.join(posix.dirname(source === "" ? "x" : source), decoded);
  const normal = posix.normalize(joined);
  return normal === "." || normal.startsWith("../") || normal.startsWith("/") ? null : normal;
}

/** The content type [Content_Types].xml gives a part, or null. Part names compare case-insensitively (OPC). */
export function contentTypeLookup(contentTypesXml: string): (part: string) => string | null {
  const root = parseXmlDocument(contentTypesXml, "[Content_Types].xml").documentElement;
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const el of childElements(root, NS.contentTypes, "Override")) {
    overrides.set((el.getAttribute("PartName") ?? "").toLowerCase(), el.getAttribute("ContentType") ?? "");
  }
  for (const el of childElements(root, NS.contentTypes, "Default")) {
    defaults.set((el.getAttribute("Extension") ?? "").toLowerCase(), el.getAttribute("ContentType") ?? "");
  }
  return (part) => {
    const key = `/${part}`.toLowerCase();
    const extension = /\.([^./]*)$/.exec(key)?.[1] ?? "";
    return overrides.get(key) ?? defaults.get(extension) ?? null;
  };
}

export interface SigningPlan {
  /** Parts whose raw bytes are digested, with their content types. */
  parts: { name: string; contentType: string }[];
  /** Relationship parts digested through the RelationshipTransform, with the Ids it keeps. */
  rels: { name: string; sourceIds: string[] }[];
  /** Targets of signed relationships that are not in the package. */
  missing: string[];
  /** Parts reached only through relationships Office does not sign (document properties, thumbnails). */
  unsigned: Set<string>;
}

/** What a package signature must cover: Office's rule, applied to every relationship part. */
export function signingPlan(entries: Readonly<Record<string, Uint8Array>>, text: (name: string) => string): SigningPlan {
  const contentType = contentTypeLookup(text("[Content_Types].xml"));
  const parts = new Map<string, string>();
  const rels: SigningPlan["rels"] = [];
  const missing = new Set<string>();
  const unsigned = new Set<string>();
  const names = Object.keys(entries)
    .filter((name) => isRelsPart(name) && !name.startsWith(SIGNATURE_FOLDER))
    .sort();
  for (const relsName of names) {
    const source = sourceOfRels(relsName);
    const sourceIds: string[] = [];
    for (const rel of readRelationships(text(relsName), relsName)) {
      const target = rel.external ? null : resolveTarget(source, rel.target);
      if (!isSignedRelationshipType(rel.type)) {
        if (target !== null) unsigned.add(target);
        continue;
      }
      sourceIds.push(rel.id);
      if (rel.external) continue;
      if (target === null || entries[target] === undefined) {
        missing.add(target ?? rel.target);
        continue;
      }
      parts.set(target, contentType(target) ?? "");
    }
    if (sourceIds.length > 0) rels.push({ name: relsName, sourceIds });
  }
  return {
    parts: [...parts].map(([name, type]) => ({ name, contentType: type })),
    rels,
    missing: [...missing],
    unsigned,
  };
}

/** The Manifest Reference URI of a part: its part name with the content type as query. */
export function partUri(name: string, contentType: string): string {
  return `${encodeURI(`/${name}`)}?ContentType=${contentType}`;
}
