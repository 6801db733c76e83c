import { createHash, createPublicKey, verify, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { asn1Bytes, asn1Children } from "./asn1-children";

export interface CmsVerdict {
  /** The signature over the signed attributes checks out with the signer's certificate. */
  signatureValid: boolean;
  /** The signed content's digest equals the one the signer signed; false means it was changed. */
  digestMatches: boolean;
  /** e.g. "C=CN, O=…, CN=木渎镇人民政府"; null when the signer certificate is not in the CMS. */
  signer: string | null;
  signedAt: Date | null;
  /** The signer's certificate, when the CMS carries it. */
  certificate: X509Certificate | null;
  /** Every certificate the CMS carries (the chain the signer sent along). */
  certificates: X509Certificate[];
  /** Why the signature is not valid, in Chinese; null when valid. */
  problem: string | null;
}

const DIGESTS: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};
const OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
const OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
const OID_SIGNING_TIME = "1.2.840.113549.1.9.5";
const OID_SIGNING_CERTIFICATE_V2 = "1.2.840.113549.1.9.16.2.47";

/**
 * Verifies a detached CMS SignedData against its content with node:crypto, since node-forge
 * cannot verify CMS and no maintained npm library does it without a native build. Integrity
 * only: the certificate's trust chain is not checked (unit certificates come from many CAs).
 */
export function verifyDetachedCms(cms: Uint8Array, content: Uint8Array): CmsVerdict {
  const invalid = (problem: string, partial: Partial<CmsVerdict> = {}): CmsVerdict => ({
    signatureValid: false,
    digestMatches: false,
    signer: null,
    signedAt: null,
    certificate: null,
    certificates: [],
    ...partial,
    problem,
  });
  let root: forge.asn1.Asn1;
  try {
    root = parseDer(Buffer.from(cms));
  } catch {
    return invalid("签名数据已损坏，无法解析。");
  }
  const [typeOid, wrapped] = asn1Children(root);
  if (oidOf(typeOid) !== OID_SIGNED_DATA) return invalid("签名数据不是 CMS SignedData。");
  const signedData = asn1Children(asn1Children(wrapped)[0]);
  const certificates = signedData.filter((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0).flatMap(asn1Children);
  const signerInfos = asn1Children(signedData.at(-1));
  if (signerInfos.length !== 1) return invalid("签名数据中应恰有一个签名者。");
  const info = asn1Children(signerInfos[0]);
  const [, sid, digestAlg] = info;
  const [issuer, serial] = asn1Children(sid);
  const carried = certificates.map(toX509).filter((c) => c !== null);
  const certificate = carried.find((c) => matchesSid(c, issuer, serial)) ?? null;
  if (certificate === null) return invalid("签名数据中找不到签名者的证书（证书名称编码有误或证书缺失）。", { certificates: carried });
  const signer = certificate.subject.split("\n").join(", ");
  const known = { signer, certificate, certificates: carried };
  const digestName = DIGESTS[oidOf(asn1Children(digestAlg)[0]) ?? ""];
  if (digestName === undefined) return invalid("签名使用了不支持的摘要算法。", known);
  const signedAttrs = info.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const signature = Buffer.from(
    asn1Bytes(info.find((n) => n.tagClass === forge.asn1.Class.UNIVERSAL && n.type === forge.asn1.Type.OCTETSTRING)) ?? "",
    "binary",
  );
  const contentDigest = createHash(digestName).update(content).digest();
  if (signedAttrs === undefined) {
    const ok = verifySignature(digestName, Buffer.from(content), certificate, signature);
    return {
      ...known,
      signatureValid: ok,
      digestMatches: ok,
      signedAt: null,
      problem: ok ? null : "签名与文件内容不符（文件在签名后被改动）。",
    };
  }
  const attributes = new Map(
    asn1Children(signedAttrs).map((attr) => {
      const [oid, values] = asn1Children(attr);
      return [oidOf(oid) ?? "", asn1Children(values)[0]] as const;
    }),
  );
  const signedAt = timeOf(attributes.get(OID_SIGNING_TIME));
  const recordedDigest = Buffer.from(asn1Bytes(attributes.get(OID_MESSAGE_DIGEST)) ?? "", "binary");
  const digestMatches = recordedDigest.length > 0 && recordedDigest.equals(contentDigest);
  // The signature covers the DER of the attributes re-tagged as a SET (RFC 5652 §5.4).
  const attrsDer = Buffer.from(
    forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, asn1Children(signedAttrs))).getBytes(),
    "binary",
  );
  const signatureValid = verifySignature(digestName, attrsDer, certificate, signature);
  // ESS signing-certificate-v2 binds the signature to one certificate; a swapped one must not pass.
  const essHash = essCertHash(attributes.get(OID_SIGNING_CERTIFICATE_V2));
  const certificateBound = essHash === null || essHash.equals(createHash("sha256").update(certificate.raw).digest());
  const problem = !signatureValid
    ? "签名值无效（签名数据被改动或与证书不符）。"
    : !certificateBound
      ? "签名所声明的签名证书（signing-certificate-v2）与附带的证书不符。"
      : !digestMatches
        ? "文件内容与签名时的摘要不符（文件在签名后被改动）。"
        : null;
  return { ...known, signatureValid: signatureValid && digestMatches && certificateBound, digestMatches, signedAt, problem };
}

/** certHash of the first ESSCertIDv2 (RFC 5035); only SHA-256, the default, is written by Nianbao and accepted here. */
function essCertHash(attribute: forge.asn1.Asn1 | undefined): Buffer | null {
  if (attribute === undefined) return null;
  const first = asn1Children(asn1Children(asn1Children(attribute)[0])[0]);
  const hashed = first[0]?.type === forge.asn1.Type.OCTETSTRING ? first[0] : undefined;
  if (hashed === undefined) return Buffer.alloc(0);
  return Buffer.from(asn1Bytes(hashed) ?? "", "binary");
}

function verifySignature(digestName: string, data: Buffer, certificate: X509Certificate, signature: Buffer): boolean {
  try {
    return verify(digestName, data, createPublicKey(certificate.publicKey.export({ type: "spki", format: "pem" })), signature);
  } catch {
    return false;
  }
}

function toX509(node: forge.asn1.Asn1): X509Certificate | null {
  try {
    return new X509Certificate(Buffer.from(forge.asn1.toDer(node).getBytes(), "binary"));
  } catch {
    return null;
  }
}

/** issuerAndSerialNumber must name the certificate byte for byte, as OpenSSL requires. */
function matchesSid(certificate: X509Certificate, issuer: forge.asn1.Asn1 | undefined, serial: forge.asn1.Asn1 | undefined): boolean {
  if (issuer === undefined || serial === undefined) return false;
  const tbs = asn1Children(asn1Children(parseDer(certificate.raw))[0]);
  const offset = tbs[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const certSerial = tbs[offset];
  const certIssuer = tbs[offset + 2];
  return (
    certSerial !== undefined &&
    certIssuer !== undefined &&
    asn1Bytes(certSerial) === asn1Bytes(serial) &&
    forge.asn1.toDer(certIssuer).getBytes() === forge.asn1.toDer(issuer).getBytes()
  );
}

function oidOf(node: forge.asn1.Asn1 | undefined): string | null {
  const bytes = asn1Bytes(node);
  return node?.type === forge.asn1.Type.OID && bytes !== null ? forge.asn1.derToOid(bytes) : null;
}

function timeOf(node: forge.asn1.Asn1 | undefined): Date | null {
  const text = asn1Bytes(node);
  if (node === undefined || text === null) return null;
  if (node.type === forge.asn1.Type.UTCTIME) return forge.asn1.utcTimeToDate(text);
  if (node.type === forge.asn1.Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(text);
  return null;
}

/**
 * Trailing bytes are allowed (a PDF's /Contents is zero-padded) and BIT STRINGs stay opaque, so
 * that re-encoding a parsed certificate gives back exactly its original bytes.
 */
function parseDer(der: Buffer): forge.asn1.Asn1 {
  const options = { strict: false, parseAllBytes: false, decodeBitStrings: false };
  return forge.asn1.fromDer(forge.util.createBuffer(der.toString("binary")), options as unknown as boolean);
}
