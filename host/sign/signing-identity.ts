import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { NianbaoError } from "../../core/errors/nianbao-error";

/**
 * The unit's key and certificate, decrypted in memory for one signing; never persisted. node-forge
 * only reads the PKCS#12 file: the key is handed to node:crypto once, which signs natively (forge's
 * RSA is pure JavaScript and cost a 100-page report's signing over 100 ms).
 */
export interface SigningIdentity {
  privateKey: KeyObject;
  /** The signer's certificate, DER as the file holds it. */
  certificate: Buffer;
  /** Every certificate in the file (the signer's first, DER), embedded so verifiers can build the chain. */
  chain: Buffer[];
  /** The subject as OpenSSL and pdfsig print it, e.g. "C=CN, O=…, CN=木渎镇人民政府". */
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

// PKCS#12 bag types (RFC 7292 §4.2).
const BAG_KEY = "1.2.840.113549.1.12.10.1.1";
const BAG_SHROUDED_KEY = "1.2.840.113549.1.12.10.1.2";
const BAG_CERT = "1.2.840.113549.1.12.10.1.3";

const SM2_HINT = "年报目前只能使用 RSA 证书签名，国密 SM2 证书暂不支持。";

/**
 * Opens a PKCS#12 (.p12/.pfx) file. Error messages never contain the password; callers must not
 * log it either.
 */
export function loadSigningIdentity(p12: Uint8Array, password: string, now: Date): SigningIdentity {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString("binary")));
  } catch (error) {
    throw new NianbaoError("unsupported_format", "这不是 PKCS#12 证书文件（.p12 / .pfx），无法读取。", "not a PKCS#12 (.p12/.pfx) file", {
      cause: error,
    });
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    throw p12Error(error);
  }
  const keys = [...bagsOf(store, BAG_SHROUDED_KEY), ...bagsOf(store, BAG_KEY)];
  if (keys.length === 0) {
    throw new NianbaoError(
      "invalid_input",
      "证书文件中没有私钥，无法签名。请使用单位数字证书导出的、包含私钥的 .p12 / .pfx 文件。",
      "the certificate file holds no private key; export the unit certificate together with its private key",
    );
  }
  const key = keys.map((bag) => bag.key).find((k): k is forge.pki.rsa.PrivateKey => k !== undefined && k !== null && "n" in k);
  if (key === undefined)
    throw new NianbaoError(
      "unsupported_format",
      `证书私钥的算法不受支持。${SM2_HINT}`,
      "unsupported private key algorithm (only RSA is supported)",
    );
  const chain = bagsOf(store, BAG_CERT)
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => c !== undefined && c !== null);
  const certificate = chain.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (certificate === undefined) {
    throw new NianbaoError(
      "invalid_input",
      "证书文件中没有与私钥对应的证书，无法签名。",
      "no certificate in the file matches the private key",
    );
  }
  const der = certificateDer(certificate);
  const subject = describeSubject(der);
  const { notBefore, notAfter } = certificate.validity;
  if (now.getTime() > notAfter.getTime()) {
    throw new NianbaoError(
      "invalid_input",
      `证书已于 ${localDay(notAfter)} 过期（${subject}），不能再用于签名。请向发证机构更新证书。`,
      `the certificate expired on ${notAfter.toISOString()} (${subject})`,
    );
  }
  if (now.getTime() < notBefore.getTime()) {
    throw new NianbaoError(
      "invalid_input",
      `证书自 ${localDay(notBefore)} 起才生效（${subject}），现在还不能用于签名。请检查电脑的日期。`,
      `the certificate is not valid before ${notBefore.toISOString()} (${subject})`,
    );
  }
  return {
    privateKey: createPrivateKey({
      key: Buffer.from(forge.asn1.toDer(forge.pki.privateKeyToAsn1(key)).getBytes(), "binary"),
      format: "der",
      type: "pkcs1",
    }),
    certificate: der,
    chain: [der, ...chain.filter((c) => c !== certificate).map(certificateDer)],
    subject,
    notBefore,
    notAfter,
  };
}

function bagsOf(store: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return store.getBags({ bagType })[bagType] ?? [];
}

function certificateDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), "binary");
}

/** OpenSSL decodes the DN (forge keeps UTF8String values as raw UTF-8 bytes). */
function describeSubject(der: Buffer): string {
  return new X509Certificate(der).subject.split("\n").join(", ");
}

function p12Error(error: unknown): NianbaoError {
  const en = error instanceof Error ? error.message : String(error);
  if (/password|MAC could not be verified/i.test(en)) {
    return new NianbaoError("invalid_input", "证书密码不正确，无法打开证书文件。", "wrong certificate password", { cause: error });
  }
  if (/OID is not RSA|Unknown OID|not RSA/i.test(en)) {
    return new NianbaoError(
      "unsupported_format",
      `证书的算法不受支持。${SM2_HINT}`,
      `unsupported certificate algorithm (only RSA is supported): ${en}`,
      { cause: error },
    );
  }
  return new NianbaoError(
    "unsupported_format",
    `无法读取证书文件（密码错误或格式不受支持）：${en}`,
    `cannot read the certificate file (wrong password or unsupported format): ${en}`,
    { cause: error },
  );
}

function localDay(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
