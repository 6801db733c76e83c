import { X509Certificate } from "node:crypto";
import { NianbaoError } from "../../core/errors/nianbao-error";

export type TrustStatus = "trusted" | "untrusted" | "expired" | "notYetValid" | "notChecked";

export interface TrustVerdict {
  status: TrustStatus;
  /** One line for the clerk, Chinese then English ("证书链可信 / chain trusted"). */
  label: string;
  /** Which certificate, which dates, which anchor; Chinese. */
  detail: string | null;
}

export const TRUST_LABELS: Record<TrustStatus, string> = {
  trusted: "证书链可信 / chain trusted",
  untrusted: "证书链不可信 / chain untrusted",
  expired: "证书已过期 / certificate expired",
  notYetValid: "证书尚未生效 / certificate not yet valid",
  notChecked: "未检查证书链 / chain not checked",
};

export interface TrustInput {
  signer: X509Certificate;
  /** Certificates that came with the signature; intermediates are taken from here. */
  chain: readonly X509Certificate[];
  /** The roots the person verifying trusts (`--trust`); none means the chain is not checked. */
  anchors: readonly X509Certificate[];
  /** The time the chain must be valid at: now, as PAdES B-B carries no trusted signing time. */
  at: Date;
}

/**
 * Builds a path from the signer to one of the anchors (issuer name, key usage and signature
 * checked by OpenSSL through node:crypto) and then checks every certificate on it is valid at
 * `at`. Integrity is a separate verdict: this only says whether the signer is who the anchors vouch for.
 * Revocation (CRL/OCSP) is not checked.
 */
export function evaluateTrust({ signer, chain, anchors, at }: TrustInput): TrustVerdict {
  if (anchors.length === 0) return { status: "notChecked", label: TRUST_LABELS.notChecked, detail: null };
  const path: X509Certificate[] = [signer];
  let anchor: X509Certificate | null = null;
  for (let current = signer; anchor === null && path.length <= 10;) {
    anchor = anchors.find((a) => a.fingerprint256 === current.fingerprint256 || issuedBy(current, a)) ?? null;
    if (anchor !== null) break;
    const next = chain.find((c) => c.ca && !path.some((p) => p.fingerprint256 === c.fingerprint256) && issuedBy(current, c));
    if (next === undefined) break;
    path.push(next);
    current = next;
  }
  if (anchor === null) {
    return {
      status: "untrusted",
      label: TRUST_LABELS.untrusted,
      detail: `签名证书（颁发者 ${oneLine(signer.issuer)}）不是由所给的根证书签发的。`,
    };
  }
  if (!path.some((p) => p.fingerprint256 === anchor.fingerprint256)) path.push(anchor);
  for (const certificate of path) {
    const from = new Date(certificate.validFrom);
    const to = new Date(certificate.validTo);
    if (at.getTime() > to.getTime()) {
      return { status: "expired", label: TRUST_LABELS.expired, detail: `${oneLine(certificate.subject)} 已于 ${day(to)} 过期。` };
    }
    if (at.getTime() < from.getTime()) {
      return {
        status: "notYetValid",
        label: TRUST_LABELS.notYetValid,
        detail: `${oneLine(certificate.subject)} 自 ${day(from)} 起才生效。`,
      };
    }
  }
  return { status: "trusted", label: TRUST_LABELS.trusted, detail: `由 ${oneLine(anchor.subject)} 签发。` };
}

/** The certificates of one or more `--trust` files: PEM (one or many) or a single DER certificate. */
export function readTrustAnchors(files: readonly { path: string; bytes: Buffer }[]): X509Certificate[] {
  return files.flatMap(({ path, bytes }) => {
    const text = bytes.toString("latin1");
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [bytes];
    try {
      return blocks.map((block) => new X509Certificate(block));
    } catch (error) {
      throw new NianbaoError("invalid_input", `不是证书文件（PEM 或 DER）：${path}`, `not a certificate file (PEM or DER): ${path}`, {
        cause: error,
      });
    }
  });
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function oneLine(name: string): string {
  return name.split("\n").join(", ");
}

function day(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
