import type { X509Certificate } from "node:crypto";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { CertificateIdentity } from "../../core/model/signature-record";
import { certificateIdentity } from "./certificate-identity";
import { openDocx, readCustomProperties } from "./docx-custom-properties";
import { readInputFile } from "./read-input-file";
import { DOCX_PROPERTY_NAMES } from "./sign-docx";
import { verifyPdfSignature } from "./pdf/verify-pdf-signature";
import { isPdf, PDF_INFO_KEYS } from "./sign-pdf";
import { verifyDetachedCms, type CmsVerdict } from "./verify-detached-cms";

export interface SignatureCheck {
  kind: "pdf" | "docx";
  valid: boolean;
  /** The certificate subject, e.g. "C=CN, O=…, CN=木渎镇人民政府". */
  signer: string | null;
  signedAt: Date | null;
  /** null when the signature is too damaged to tell. */
  modifiedAfterSigning: boolean | null;
  /** Why it is not valid, in Chinese; null when valid. */
  problem: string | null;
  /** What the signed file says about the approved report (covered by the signature). */
  recorded: { contentHash: string | null; revision: number | null; reportId: string | null };
  /** Issuer, serial and fingerprint of the signing certificate; null when the signature carries none. */
  certificate: CertificateIdentity | null;
  /** The signer's certificate and every certificate the signature carries, for the trust check. */
  certificates: { signer: X509Certificate | null; carried: X509Certificate[] };
  /** What was changed after signing (PDF incremental updates), in Chinese. */
  changes: string[];
}

const NOTHING_RECORDED = { contentHash: null, revision: null, reportId: null };

export async function verifyPdfFile(path: string): Promise<SignatureCheck> {
  return verifyPdf(await readInputFile(path, " PDF "));
}

export async function verifyDocxFile(path: string, signaturePath = `${path}.p7s`): Promise<SignatureCheck> {
  return verifyDocx(await readInputFile(path, " .docx "), await readInputFile(signaturePath, "签名（.p7s）"));
}

export function verifyPdf(pdf: Buffer): SignatureCheck {
  if (!isPdf(pdf)) throw new NianbaoError("unsupported_format", "这不是 PDF 文件。", "not a PDF file");
  const verdict = verifyPdfSignature(pdf);
  const revision = verdict.info.get(PDF_INFO_KEYS.revision);
  const cms = verdict.cms;
  return {
    kind: "pdf",
    valid: verdict.valid,
    signer: cms?.signer ?? null,
    signedAt: verdict.signedAt ?? cms?.signedAt ?? null,
    modifiedAfterSigning: verdict.modifiedAfterSigning,
    problem: verdict.problems.length === 0 ? null : verdict.problems.join(""),
    recorded: verdict.valid
      ? {
          contentHash: verdict.info.get(PDF_INFO_KEYS.contentHash) ?? null,
          revision: revision === undefined ? null : Number(revision),
          reportId: verdict.info.get(PDF_INFO_KEYS.reportId) ?? null,
        }
      : NOTHING_RECORDED,
    certificate: cms?.certificate == null ? null : certificateIdentity(cms.certificate),
    certificates: { signer: cms?.certificate ?? null, carried: cms?.certificates ?? [] },
    changes: verdict.changes,
  };
}

export function verifyDocx(docx: Buffer, p7s: Buffer): SignatureCheck {
  const verdict = verifyDetachedCms(p7s, docx);
  let recorded: SignatureCheck["recorded"] = NOTHING_RECORDED;
  try {
    const props = readCustomProperties(openDocx(docx));
    const revision = props.get(DOCX_PROPERTY_NAMES.revision);
    recorded = {
      contentHash: props.get(DOCX_PROPERTY_NAMES.contentHash) ?? null,
      revision: revision === undefined ? null : Number(revision),
      reportId: props.get(DOCX_PROPERTY_NAMES.reportId) ?? null,
    };
  } catch (error) {
    if (!(error instanceof NianbaoError)) throw error;
    // A package too damaged to read cannot match its signature either; the verdict says so.
  }
  return fromVerdict("docx", verdict, false, recorded);
}

function fromVerdict(
  kind: SignatureCheck["kind"],
  verdict: CmsVerdict,
  appended: boolean,
  recorded: SignatureCheck["recorded"],
): SignatureCheck {
  const intact = verdict.signatureValid && !appended;
  return {
    kind,
    valid: intact,
    signer: verdict.signer,
    signedAt: verdict.signedAt,
    modifiedAfterSigning: verdict.signer === null ? null : !verdict.digestMatches || appended,
    problem: verdict.problem ?? (appended ? "签名之后文件又被追加修改（增量更新）。" : null),
    recorded: intact ? recorded : NOTHING_RECORDED,
    certificate: verdict.certificate === null ? null : certificateIdentity(verdict.certificate),
    certificates: { signer: verdict.certificate, carried: verdict.certificates },
    changes: [],
  };
}
