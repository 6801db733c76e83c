import forge from "node-forge";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { asn1Children } from "./asn1-children";
import type { SigningIdentity } from "./signing-identity";

/**
 * A detached CMS SignedData (SHA-256, RSA; signed attributes contentType, signingTime,
 * messageDigest in the order EU validators expect) over `content`, DER-encoded.
 */
export function createDetachedCms(content: Uint8Array, identity: SigningIdentity, signingTime: Date): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(Buffer.from(content).toString("binary"));
  for (const cert of identity.chain) p7.addCertificate(cert);
  p7.addSigner({
    key: identity.key,
    // Passing issuer + serial instead of the certificate is the fix for Chinese names (see cmsIssuer).
    issuer: cmsIssuer(identity.certificate),
    serialNumber: identity.certificate.serialNumber,
    digestAlgorithm: forge.pki.oids.sha256 ?? "2.16.840.1.101.3.4.2.1",
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType ?? "1.2.840.113549.1.9.3", value: forge.pki.oids.data ?? "1.2.840.113549.1.7.1" },
      { type: forge.pki.oids.signingTime ?? "1.2.840.113549.1.9.5", value: signingTime as unknown as string },
      { type: forge.pki.oids.messageDigest ?? "1.2.840.113549.1.9.4" },
    ],
  } as unknown as Parameters<typeof p7.addSigner>[0]);
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
}

/**
 * node-forge keeps a parsed UTF8String DN value as raw UTF-8 bytes but UTF-8-encodes it again
 * when it writes issuerAndSerialNumber, so a Chinese issuer no longer names the certificate
 * (OpenSSL: "signer certificate not found"; pdfsig: empty CN). Decode first, and check that the
 * re-encoded issuer is byte-identical to the certificate's before signing anything with it.
 */
export function cmsIssuer(certificate: forge.pki.Certificate): forge.pki.CertificateField[] {
  const attributes = certificate.issuer.attributes.map((a) =>
    (a.valueTagClass as number | undefined) === forge.asn1.Type.UTF8 && typeof a.value === "string"
      ? { ...a, value: forge.util.decodeUtf8(a.value) }
      : { ...a },
  );
  const written = forge.asn1
    .toDer(forge.pki.distinguishedNameToAsn1({ attributes } as unknown as forge.pki.Certificate["issuer"]))
    .getBytes();
  if (written !== issuerDer(certificate)) {
    throw new NianbaoError(
      "unsupported_format",
      "证书颁发者名称的编码方式不受支持，无法生成可验证的签名。",
      "the certificate's issuer name uses an encoding this signer cannot reproduce; refusing to write an unverifiable signature",
    );
  }
  return attributes;
}

/** The issuer Name exactly as encoded in the certificate's TBSCertificate. */
function issuerDer(certificate: forge.pki.Certificate): string {
  const fields = asn1Children(asn1Children(forge.pki.certificateToAsn1(certificate))[0]);
  // TBSCertificate: [0] version (optional, context-specific), serialNumber, signature, issuer, …
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const issuer = fields[offset + 2];
  if (issuer === undefined) throw new NianbaoError("file_invalid", "证书结构不完整，无法读取颁发者。", "malformed certificate: no issuer");
  return forge.asn1.toDer(issuer).getBytes();
}
