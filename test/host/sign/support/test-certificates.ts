import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import forge from "node-forge";

export const TEST_PASSWORD = "test-only-口令-123";

export interface TestCertificates {
  dir: string;
  /** Valid now, subject and issuer with a Chinese CN and O. */
  valid: string;
  expired: string;
  notYetValid: string;
  /** The certificate alone, without its private key. */
  withoutKey: string;
  /** The valid certificate as PEM (for openssl -CAfile). */
  certPem: string;
}

const UTF8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
const SUBJECT: forge.pki.CertificateField[] = [
  { shortName: "C", value: "CN" },
  { shortName: "O", value: "苏州市吴中区木渎镇", valueTagClass: UTF8 },
  { shortName: "CN", value: "木渎镇人民政府", valueTagClass: UTF8 },
];

/** Generated per test run (RSA 2048 from node:crypto): nothing secret lives in the repository. */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-certs-"));
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString()) as forge.pki.rsa.PrivateKey;
  const day = 86_400_000;
  const now = Date.now();
  const valid = certificate(key, new Date(now - day), new Date(now + 365 * day), "01");
  const write = (name: string, p12: forge.asn1.Asn1) => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary"));
    return path;
  };
  const toP12 = (k: forge.pki.rsa.PrivateKey | null, cert: forge.pki.Certificate) =>
    forge.pkcs12.toPkcs12Asn1(k, [cert], TEST_PASSWORD, { algorithm: "3des" });
  const certPem = join(dir, "signer.crt.pem");
  writeFileSync(certPem, forge.pki.certificateToPem(valid));
  return {
    dir,
    valid: write("valid.p12", toP12(key, valid)),
    expired: write("expired.p12", toP12(key, certificate(key, new Date(now - 800 * day), new Date(now - 400 * day), "02"))),
    notYetValid: write("future.p12", toP12(key, certificate(key, new Date(now + 30 * day), new Date(now + 400 * day), "03"))),
    withoutKey: write("nokey.p12", toP12(null, valid)),
    certPem,
  };
}

function certificate(key: forge.pki.rsa.PrivateKey, notBefore: Date, notAfter: Date, serial: string): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serial;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(SUBJECT);
  cert.setIssuer(SUBJECT);
  cert.setExtensions([{ name: "keyUsage", digitalSignature: true, nonRepudiation: true }]);
  cert.sign(key, forge.md.sha256.create());
  return cert;
}
