import { createHash, sign, X509Certificate } from "node:crypto";
import { strFromU8, strToU8 } from "fflate";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import type { SigningIdentity } from "../signing-identity";
import { partUri, RELS_CONTENT_TYPE, SIGNATURE_FOLDER, signingPlan } from "./package-parts";
import { relationshipTransform } from "./relationship-transform";
import { ALGORITHM, allElements, canonicalize, escapeAttribute, escapeText, NS, onlyChild, parseXmlDocument } from "./signature-xml";

export const SIGNATURE_PART = "_xmlsignatures/sig1.xml";
export const ORIGIN_PART = "_xmlsignatures/origin.sigs";
export const REL_TYPE = {
  origin: "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin",
  signature: "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature",
} as const;
const CONTENT_TYPE = {
  origin: "application/vnd.openxmlformats-package.digital-signature-origin",
  signature: "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml",
} as const;

export interface PackageSignatureInput {
  identity: SigningIdentity;
  /** SignatureInfoV1's SignatureComments: what the signer says the signature is for. */
  comment: string;
  signingTime: Date;
}

/**
 * Adds an ECMA-376 Part 2 package signature (what Word, WPS and LibreOffice show in their
 * signature pane) to an unzipped .docx and returns the entries to zip. It must be the last change
 * to the package: every part Office signs is digested as it is now.
 */
export function addPackageSignature(
  entries: Readonly<Record<string, Uint8Array>>,
  input: PackageSignatureInput,
): Record<string, Uint8Array> {
  if (Object.keys(entries).some((name) => name.startsWith(SIGNATURE_FOLDER))) {
    throw new NianbaoError(
      "invalid_input",
      "该 .docx 已带有数字签名，不能再次签名。请重新导出后签名。",
      "the .docx already carries a package signature; export it again before signing",
    );
  }
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(entries)) {
    // LibreOffice's xmlsec keeps whitespace between <Relationship> elements in the transform's
    // output where Office drops it; without any, both compute the same digest.
    out[name] = name.endsWith(".rels") ? strToU8(strFromU8(data).replace(/>\s+</g, "><")) : data;
  }
  out["_rels/.rels"] = strToU8(withOriginRelationship(strFromU8(out["_rels/.rels"] ?? new Uint8Array())));
  out["[Content_Types].xml"] = strToU8(withSignatureContentTypes(strFromU8(out["[Content_Types].xml"] ?? new Uint8Array())));
  out[ORIGIN_PART] = new Uint8Array();
  out["_xmlsignatures/_rels/origin.sigs.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.relationships}"><Relationship Id="rId1" Type="${REL_TYPE.signature}" Target="sig1.xml"/></Relationships>`,
  );
  out[SIGNATURE_PART] = strToU8(signatureXml(out, input));
  return out;
}

function signatureXml(entries: Readonly<Record<string, Uint8Array>>, input: PackageSignatureInput): string {
  const text = (name: string) => strFromU8(entries[name] ?? new Uint8Array());
  const plan = signingPlan(entries, text);
  if (plan.missing.length > 0) {
    throw new NianbaoError(
      "file_invalid",
      `.docx 缺少部件（${plan.missing.join("、")}），无法签名。请重新导出。`,
      `the .docx lacks parts its relationships name (${plan.missing.join(", ")}); export it again`,
    );
  }
  const digest = (data: string | Uint8Array) => createHash("sha256").update(data).digest("base64");
  const references = [
    ...plan.parts.map((part) => ({ uri: partUri(part.name, part.contentType), transforms: "", value: digest(entries[part.name] ?? "") })),
    ...plan.rels.map((rels) => ({
      uri: partUri(rels.name, RELS_CONTENT_TYPE),
      transforms:
        `<Transforms><Transform Algorithm="${ALGORITHM.relationshipTransform}">` +
        rels.sourceIds.map((id) => `<mdssi:RelationshipReference xmlns:mdssi="${NS.mdssi}" SourceId="${escapeAttribute(id)}"/>`).join("") +
        `</Transform><Transform Algorithm="${ALGORITHM.c14n}"/></Transforms>`,
      value: digest(relationshipTransform(text(rels.name), rels.name, new Set(rels.sourceIds), new Set())),
    })),
  ].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const der = input.identity.certificate;
  const x509 = new X509Certificate(der);
  const time = input.signingTime.toISOString().replace(/\.\d{3}Z$/, "Z");
  const digestMethod = `<DigestMethod Algorithm="${ALGORITHM.sha256}"/>`;

  const packageObject =
    `<Object Id="idPackageObject"><Manifest>` +
    references
      .map(
        (r) => `<Reference URI="${escapeAttribute(r.uri)}">${r.transforms}${digestMethod}<DigestValue>${r.value}</DigestValue></Reference>`,
      )
      .join("") +
    `</Manifest><SignatureProperties><SignatureProperty Id="idSignatureTime" Target="#idPackageSignature">` +
    `<mdssi:SignatureTime xmlns:mdssi="${NS.mdssi}"><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format><mdssi:Value>${time}</mdssi:Value></mdssi:SignatureTime>` +
    `</SignatureProperty></SignatureProperties></Object>`;
  const officeObject =
    `<Object Id="idOfficeObject"><SignatureProperties><SignatureProperty Id="idOfficeV1Details" Target="#idPackageSignature">` +
    `<SignatureInfoV1 xmlns="${NS.office}"><SetupID></SetupID><SignatureText></SignatureText><SignatureImage/>` +
    `<SignatureComments>${escapeText(input.comment)}</SignatureComments>` +
    `<WindowsVersion>10.0</WindowsVersion><OfficeVersion>16.0</OfficeVersion><ApplicationVersion>16.0</ApplicationVersion>` +
    `<Monitors>1</Monitors><HorizontalResolution>1920</HorizontalResolution><VerticalResolution>1080</VerticalResolution><ColorDepth>32</ColorDepth>` +
    `<SignatureProviderId>{00000000-0000-0000-0000-000000000000}</SignatureProviderId><SignatureProviderUrl></SignatureProviderUrl>` +
    `<SignatureProviderDetails>9</SignatureProviderDetails><SignatureType>1</SignatureType>` +
    `<ManifestHashAlgorithm>${ALGORITHM.sha256}</ManifestHashAlgorithm></SignatureInfoV1>` +
    `</SignatureProperty></SignatureProperties></Object>`;
  const xadesObject =
    `<Object><xd:QualifyingProperties xmlns:xd="${NS.xades}" Target="#idPackageSignature">` +
    `<xd:SignedProperties Id="idSignedProperties"><xd:SignedSignatureProperties><xd:SigningTime>${time}</xd:SigningTime>` +
    `<xd:SigningCertificate><xd:Cert><xd:CertDigest>${digestMethod}<DigestValue>${digest(der)}</DigestValue></xd:CertDigest>` +
    `<xd:IssuerSerial><X509IssuerName>${escapeText(rfc2253(x509.issuer))}</X509IssuerName>` +
    `<X509SerialNumber>${BigInt(`0x${x509.serialNumber}`).toString()}</X509SerialNumber></xd:IssuerSerial></xd:Cert></xd:SigningCertificate>` +
    `<xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied/></xd:SignaturePolicyIdentifier></xd:SignedSignatureProperties></xd:SignedProperties>` +
    `<xd:UnsignedProperties><xd:UnsignedSignatureProperties/></xd:UnsignedProperties></xd:QualifyingProperties></Object>`;
  const keyInfo = `<KeyInfo><X509Data><X509Certificate>${der.toString("base64")}</X509Certificate></X509Data></KeyInfo>`;
  const objects = packageObject + officeObject + xadesObject;
  const wrap = (signedInfo: string, value: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><Signature xmlns="${NS.dsig}" Id="idPackageSignature">${signedInfo}<SignatureValue>${value}</SignatureValue>${keyInfo}${objects}</Signature>`;

  // Each Object digests the same with or without the final SignedInfo: its C14N sees only its own
  // subtree and the namespaces it inherits from <Signature>.
  const draft = parseXmlDocument(wrap("<SignedInfo/>", ""), SIGNATURE_PART);
  const byId = (id: string) => {
    const found = allElements(draft.documentElement).find((el) => el.getAttribute("Id") === id);
    if (found === undefined) throw new Error(`${id} missing from the signature draft`);
    return found;
  };
  const reference = (id: string, type: string, transforms: string) =>
    `<Reference Type="${type}" URI="#${id}">${transforms}${digestMethod}<DigestValue>${digest(canonicalize(byId(id)))}</DigestValue></Reference>`;
  const signedInfo =
    `<SignedInfo><CanonicalizationMethod Algorithm="${ALGORITHM.c14n}"/><SignatureMethod Algorithm="${ALGORITHM.rsaSha256}"/>` +
    reference("idPackageObject", `${NS.dsig}Object`, "") +
    reference("idOfficeObject", `${NS.dsig}Object`, "") +
    reference(
      "idSignedProperties",
      "http://uri.etsi.org/01903#SignedProperties",
      `<Transforms><Transform Algorithm="${ALGORITHM.c14n}"/></Transforms>`,
    ) +
    `</SignedInfo>`;
  const withSignedInfo = parseXmlDocument(wrap(signedInfo, ""), SIGNATURE_PART);
  const signedInfoElement = onlyChild(withSignedInfo.documentElement, NS.dsig, "SignedInfo");
  if (signedInfoElement === null) throw new Error("SignedInfo missing from the signature draft");
  const value = sign("sha256", Buffer.from(canonicalize(signedInfoElement), "utf8"), input.identity.privateKey).toString("base64");
  return wrap(signedInfo, value);
}

/** OpenSSL's one-attribute-per-line form ("C=CN\nO=…\nCN=…") as an RFC 2253 name, most specific first. */
function rfc2253(name: string): string {
  return name
    .split("\n")
    .reverse()
    .map((rdn) => rdn.replace(/([,+"\\<>;])/g, "\\$1"))
    .join(",");
}

function withOriginRelationship(xml: string): string {
  const ids = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (ids.has(`rIdNianbaoSig${n}`)) n++;
  const rel = `<Relationship Id="rIdNianbaoSig${n}" Type="${REL_TYPE.origin}" Target="${ORIGIN_PART}"/>`;
  if (xml.includes("</Relationships>")) return xml.replace("</Relationships>", `${rel}</Relationships>`);
  return xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
}

function withSignatureContentTypes(xml: string): string {
  const additions =
    (/Extension="sigs"/i.test(xml) ? "" : `<Default Extension="sigs" ContentType="${CONTENT_TYPE.origin}"/>`) +
    `<Override PartName="/${SIGNATURE_PART}" ContentType="${CONTENT_TYPE.signature}"/>`;
  return xml.replace("</Types>", `${additions}</Types>`);
}
