import { X509Certificate } from "node:crypto";
import type { CertificateIdentity } from "../../core/model/signature-record";

/** Subject, issuer, serial and SHA-256 fingerprint, with the names as OpenSSL decodes them. */
export function certificateIdentity(certificate: X509Certificate | Uint8Array): CertificateIdentity {
  const x509 = certificate instanceof X509Certificate ? certificate : new X509Certificate(certificate);
  return {
    subject: x509.subject.split("\n").join(", "),
    issuer: x509.issuer.split("\n").join(", "),
    serial: x509.serialNumber.toUpperCase(),
    fingerprint: x509.fingerprint256.replace(/:/g, "").toLowerCase(),
  };
}
