import { DOMParser } from "@xmldom/xmldom";
import { C14nCanonicalization } from "xml-crypto";
// Not re-exported from the package root; the version is pinned exactly (docs/stack-notes.md).
import { findAncestorNsForElement } from "xml-crypto/lib/utils.js";

export const NS = {
  dsig: "http://www.w3.org/2000/09/xmldsig#",
  xades: "http://uri.etsi.org/01903/v1.3.2#",
  mdssi: "http://schemas.openxmlformats.org/package/2006/digital-signature",
  office: "http://schemas.microsoft.com/office/2006/digsig",
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export const ALGORITHM = {
  c14n: "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
  relationshipTransform: "http://schemas.openxmlformats.org/package/2006/RelationshipTransform",
  sha256: "http://www.w3.org/2001/04/xmlenc#sha256",
  rsaSha256: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
} as const;

/** The digest and signature algorithms a verifier accepts (Office 2007 wrote SHA-1). */
export const DIGEST_BY_URI: Readonly<Record<string, string>> = {
  "http://www.w3.org/2000/09/xmldsig#sha1": "sha1",
  [ALGORITHM.sha256]: "sha256",
  "http://www.w3.org/2001/04/xmldsig-more#sha384": "sha384",
  "http://www.w3.org/2001/04/xmlenc#sha512": "sha512",
};
export const SIGNATURE_DIGEST_BY_URI: Readonly<Record<string, string>> = {
  "http://www.w3.org/2000/09/xmldsig#rsa-sha1": "sha1",
  [ALGORITHM.rsaSha256]: "sha256",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384": "sha384",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": "sha512",
};

/** An XML part that cannot be read; the caller turns it into a verdict or a NianbaoError. */
export class XmlPartError extends Error {}

/**
 * Parses a package part with xmldom. A DTD is refused outright: package parts never need one and
 * entity expansion is the classic way to make a hostile file expensive or ambiguous.
 */
export function parseXmlDocument(text: string, part: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlPartError(`${part}: DTD not allowed`);
  const errors: string[] = [];
  const record = (message: string) => {
    errors.push(message);
  };
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: record, fatalError: record } }).parseFromString(
    text,
    "application/xml",
  );
  if (errors.length > 0 || (doc.documentElement as Element | null) === null) {
    throw new XmlPartError(`${part}: not well-formed XML (${errors[0] ?? "no root element"})`);
  }
  return doc;
}

/**
 * Inclusive C14N 1.0 (without comments) of an element and its subtree, with the namespaces it
 * inherits from its ancestors: what a same-document Reference to the element digests.
 */
export function canonicalize(element: Element): string {
  const c14n = new C14nCanonicalization();
  return c14n.process(element, { ancestorNamespaces: findAncestorNsForElement(element) });
}

export function childElements(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.namespaceURI === ns && el.localName === local) out.push(el);
    }
  }
  return out;
}

/** The only child of that name, or null when there is none or more than one. */
export function onlyChild(parent: Element | null, ns: string, local: string): Element | null {
  if (parent === null) return null;
  const found = childElements(parent, ns, local);
  return found.length === 1 ? (found[0] ?? null) : null;
}

export function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    out.push(el);
    for (let node = el.firstChild; node !== null; node = node.nextSibling) if (node.nodeType === 1) walk(node as Element);
  };
  walk(root);
  return out;
}

export function textOf(el: Element | null): string {
  return el?.textContent ?? "";
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}
