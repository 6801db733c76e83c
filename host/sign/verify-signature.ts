import type { X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { CertificateIdentity } from "../../core/model/signature-record";
import { certificateIdentity } from "./certificate-identity";
import { verifyDocxBytes, type DocxSignatureDetail } from "./ooxml/verify-docx";
import { verifyPdfSignature } from "./pdf/verify-pdf-signature";
import { readInputFile } from "./read-input-file";
import { isPdf, PDF_INFO_KEYS } from "./sign-pdf";

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
  /** For a .docx: its package signature, its .p7s and which parts changed. */
  docx?: DocxSignatureDetail;
}

const NOTHING_RECORDED = { contentHash: null, revision: null, reportId: null };

export async function verifyPdfFile(path: string): Promise<SignatureCheck> {
  return verifyPdf(await readInputFile(path, " PDF "));
}

/** Without `signaturePath`, the `.p7s` beside the file is checked when there is one. */
export async function verifyDocxFile(path: string, signaturePath?: string): Promise<SignatureCheck> {
  const docx = await readInputFile(path, " .docx ");
  if (signaturePath !== undefined) return verifyDocx(docx, await readInputFile(signaturePath, "签名（.p7s）"));
  const beside = await readFile(`${path}.p7s`).catch(() => null);
  return verifyDocx(docx, beside);
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

export function verifyDocx(docx: Buffer, p7s: Buffer | null): SignatureCheck {
  return verifyDocxBytes(docx, p7s);
}
