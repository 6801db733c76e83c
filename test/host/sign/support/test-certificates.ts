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
  /** A CA (中文 name) as PEM, for `verify --trust`. */
  caPem: string;
  /** Valid now, issued by that CA. */
  caIssued: string;
  /** Issued by that CA, expired 400 days ago. */
  caIssuedExpired: string;
  /** Another key with exactly the subject of `valid`: what an impostor would make. */
  sameNameImpostor: string;
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
  const caKey = rsaKey();
  const caSubject: forge.pki.CertificateField[] = [
    { shortName: "C", value: "CN" },
    { shortName: "O", value: "测试数字证书认证中心", valueTagClass: UTF8 },
    { shortName: "CN", value: "测试根证书（仅供测试）", valueTagClass: UTF8 },
  ];
  const ca = certificate(caKey, new Date(now - 1000 * day), new Date(now + 3650 * day), "0A", { subject: caSubject, ca: true });
  const caPem = join(dir, "ca.pem");
  writeFileSync(caPem, forge.pki.certificateToPem(ca));
  const issued = (notBefore: Date, notAfter: Date, serial: string) =>
    certificate(key, notBefore, notAfter, serial, { issuer: caSubject, issuerKey: caKey });
  const impostorKey = rsaKey();
  return {
    dir,
    valid: write("valid.p12", toP12(key, valid)),
    expired: write("expired.p12", toP12(key, certificate(key, new Date(now - 800 * day), new Date(now - 400 * day), "02"))),
    notYetValid: write("future.p12", toP12(key, certificate(key, new Date(now + 30 * day), new Date(now + 400 * day), "03"))),
    withoutKey: write("nokey.p12", toP12(null, valid)),
    certPem,
    caPem,
    caIssued: write(
      "ca-issued.p12",
      forge.pkcs12.toPkcs12Asn1(key, [issued(new Date(now - day), new Date(now + 365 * day), "11"), ca], TEST_PASSWORD, {
        algorithm: "3des",
      }),
    ),
    caIssuedExpired: write("ca-issued-expired.p12", toP12(key, issued(new Date(now - 800 * day), new Date(now - 400 * day), "12"))),
    sameNameImpostor: write(
      "impostor.p12",
      toP12(impostorKey, certificate(impostorKey, new Date(now - day), new Date(now + 365 * day), "01")),
    ),
  };
}

function rsaKey(): forge.pki.rsa.PrivateKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString()) as forge.pki.rsa.PrivateKey;
}

interface Issuing {
  subject?: forge.pki.CertificateField[];
  issuer?: forge.pki.CertificateField[];
  /** Signs the certificate; self-signed (with `key`) when absent. */
  issuerKey?: forge.pki.rsa.PrivateKey;
  ca?: boolean;
}

function certificate(
  key: forge.pki.rsa.PrivateKey,
  notBefore: Date,
  notAfter: Date,
  serial: string,
  issuing: Issuing = {},
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = serial;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(issuing.subject ?? SUBJECT);
  cert.setIssuer(issuing.issuer ?? issuing.subject ?? SUBJECT);
  cert.setExtensions(
    issuing.ca === true
      ? [
          { name: "basicConstraints", cA: true, critical: true },
          { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [{ name: "keyUsage", digitalSignature: true, nonRepudiation: true }],
  );
  cert.sign(issuing.issuerKey ?? key, forge.md.sha256.create());
  return cert;
}
