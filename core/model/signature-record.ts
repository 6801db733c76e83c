import { z } from "zod";

/** The certificate a signature was made with, as `verify` prints it and the report records it. */
export const CertificateIdentity = z.object({
  /** e.g. "C=CN, O=苏州市吴中区木渎镇, CN=木渎镇人民政府". */
  subject: z.string().max(2000),
  issuer: z.string().max(2000),
  /** Hex, as OpenSSL prints it. */
  serial: z.string().regex(/^[0-9A-F]{1,128}$/),
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type CertificateIdentity = z.infer<typeof CertificateIdentity>;

/**
 * One signing of the files exported from an approved revision: `verify --report` accepts a signed
 * file only when it was signed by this certificate over this revision's content.
 */
export const SignatureRecord = z.object({
  revision: z.number().int().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  signer: z.string().max(100),
  signedAt: z.iso.datetime({ offset: true }),
  certificate: CertificateIdentity,
});
export type SignatureRecord = z.infer<typeof SignatureRecord>;
