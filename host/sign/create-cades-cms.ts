import { createHash, webcrypto, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { SigningIdentity } from "./signing-identity";

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;

type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]["crypto"];
type SigningKey = Parameters<pkijs.SignedData["sign"]>[0];

// pkijs is typed against the DOM's WebCrypto; node:crypto's webcrypto is the same API.
const engine = new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as EngineCrypto });

export interface CadesOptions {
  /**
   * A signing-time signed attribute. The detached `.docx.p7s` carries one (verifiers show it);
   * PAdES baseline B-B forbids it: the PDF's time lives in the signature dictionary's /M.
   */
  signingTime?: Date;
}

/**
 * The one CMS builder for every signature we write: a detached CAdES-BES SignedData (ETSI EN 319
 * 122-1), SHA-256 with RSA, signed attributes content-type, message-digest and ESS
 * signing-certificate-v2 (what PAdES baseline B-B asks of the PDF's CMS), plus signing-time when
 * asked. Built with pkijs/asn1js and signed by node:crypto's WebCrypto; pkijs copies the issuer
 * Name as the certificate encodes it, so Chinese names stay byte-identical. pkijs has no class for
 * SigningCertificateV2, so that attribute is assembled from asn1js nodes and pkijs's IssuerSerial.
 */
export async function createCadesDetachedCms(content: Uint8Array, identity: SigningIdentity, options: CadesOptions = {}): Promise<Buffer> {
  const chain = identity.chain.map((der) => pkijs.Certificate.fromBER(arrayBuffer(der)));
  const signer = pkijs.Certificate.fromBER(arrayBuffer(identity.certificate));
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: sha256(content) })],
    }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer, identity.certificate)] }),
    ...(options.signingTime === undefined
      ? []
      : [new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] })]),
  ];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) }),
      }),
    ],
    certificates: chain,
  });
  await signedData.sign(await webCryptoKey(identity.privateKey), 0, "SHA-256", undefined, engine);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035); SHA-256 is the default hash, so it is omitted. */
function signingCertificateV2(signer: pkijs.Certificate, signerDer: Buffer): asn1js.Sequence {
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: signer.issuer })] }),
    serialNumber: signer.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(signerDer) }), issuerSerial.toSchema()],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER orders the members of a SET OF by their encodings; pkijs writes them in the given order. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

// One import per identity: an export signs the .p7s and the PDF with the same key.
const imported = new WeakMap<KeyObject, Promise<SigningKey>>();

function webCryptoKey(key: KeyObject): Promise<SigningKey> {
  let found = imported.get(key);
  if (found === undefined) {
    const pkcs8 = key.export({ type: "pkcs8", format: "der" });
    found = webcrypto.subtle
      .importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"])
      .then((k) => k as unknown as SigningKey);
    imported.set(key, found);
  }
  return found;
}

function sha256(bytes: Uint8Array): ArrayBuffer {
  return arrayBuffer(createHash("sha256").update(bytes).digest());
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
