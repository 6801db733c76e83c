import { NianbaoError } from "../../core/errors/nianbao-error";
import type { Report } from "../../core/model/report";
import type { SignatureRecord } from "../../core/model/signature-record";
import { localIso } from "../../core/text/local-iso";
import { certificateIdentity } from "./certificate-identity";
import { evaluateTrust } from "./evaluate-trust";
import { verifyPdf } from "./verify-signature";
import { assertSignable } from "./assert-signable";
import { approvalStatus } from "../../core/workflow/approval-status";
import { readInputFile } from "./read-input-file";
import { writeFileAtomic } from "../storage/atomic-write";
import { signDocx } from "./sign-docx";
import { signPdf, type ApprovalStamp } from "./sign-pdf";
import { loadSigningIdentity } from "./signing-identity";

export interface SignExportedFilesInput {
  /** An exported PDF, signed in place. */
  pdfPath?: string;
  /** An exported .docx: signed in place (approval properties, package signature) and `<docxPath>.p7s` is written. */
  docxPath?: string;
  /** Path of the unit's .p12 / .pfx. */
  p12: string;
  /**
   * Used once, in memory; never stored or logged. A function is called only once the report may
   * be signed (the CLI reads its environment variable there, so an unapproved report is refused first).
   */
  password: string | (() => string);
  /** The person applying the certificate. */
  signer: string;
  /** The approved report these files were exported from. */
  report: Report;
  /** The signing time; defaults to now. */
  now?: Date;
  templatesDir?: string;
  /**
   * Writes the files to be signed, called once the report, the signer and the certificate have
   * passed every check, so a refusal writes nothing: the CLI exports fresh files from the approved
   * report here. Without it the files already exist (the app exported them).
   */
  exportFirst?: () => Promise<void>;
}

/** The signed PDF checked again in memory, in `nianbao verify`'s words. */
export interface SelfCheck {
  valid: boolean;
  integrity: string;
  chain: string;
}

export interface SignedFiles {
  pdf: string | null;
  docx: string | null;
  /** The detached signature beside the .docx. */
  docxSignature: string | null;
  /** The certificate subject. */
  subject: string;
  signedAt: Date;
  revision: number;
  contentHash: string;
  /** To be added to the report (core/workflow/record-signature.ts) so `verify --report` knows the certificate. */
  record: SignatureRecord;
  /** null without a PDF. */
  verification: SelfCheck | null;
}

/**
 * Signing exported files of an approved report: the one use case behind the app's 签发 panel
 * (host/services/export-service.ts) and `nianbao sign`. Everything is checked and signed in
 * memory first: a wrong password, a bad certificate or a wrong input file leaves every file as
 * it was.
 */
export async function signExportedFiles(input: SignExportedFilesInput): Promise<SignedFiles> {
  const { pdfPath, docxPath } = input;
  if (pdfPath === undefined && docxPath === undefined) {
    throw new NianbaoError("invalid_input", "请指定要签名的 PDF 或 .docx 文件。", "nothing to sign: give a PDF and/or a .docx");
  }
  const signer = input.signer.trim();
  if (signer === "") throw new NianbaoError("invalid_input", "请填写签名人姓名。", "the signer's name is missing");
  const signedAt = input.now ?? new Date();
  await assertSignable(input.report, signedAt, input.templatesDir);
  const stamp = approvalStamp(input.report, signer);
  const password = typeof input.password === "string" ? input.password : input.password();
  const identity = loadSigningIdentity(await readInputFile(input.p12, "证书"), password, signedAt);
  await input.exportFirst?.();
  const pdf = pdfPath === undefined ? null : await readInputFile(pdfPath, " PDF ");
  const docx = docxPath === undefined ? null : await readInputFile(docxPath, " .docx ");
  const signedPdf = pdf === null ? null : await signPdf(pdf, identity, stamp, signedAt);
  const signedDocx = docx === null ? null : await signDocx(docx, identity, stamp, signedAt);
  const docxSignature = docxPath === undefined ? null : `${docxPath}.p7s`;
  try {
    if (signedPdf !== null && pdfPath !== undefined) await writeFileAtomic(pdfPath, signedPdf);
    if (signedDocx !== null && docxPath !== undefined && docxSignature !== null) {
      await writeFileAtomic(docxPath, signedDocx.docx);
      await writeFileAtomic(docxSignature, signedDocx.p7s);
    }
  } catch (error) {
    // writeFileAtomic's errors already name the file in Chinese.
    const failed =
      error instanceof NianbaoError
        ? error
        : new NianbaoError(
            "io_error",
            "写入签名文件失败。",
            `cannot write the signed files: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
    throw new NianbaoError(failed.code, `写入签名文件失败：${failed.zh}`, `cannot write the signed files: ${failed.message}`, {
      cause: error,
    });
  }
  return {
    verification: signedPdf === null ? null : selfCheck(signedPdf),
    pdf: pdfPath ?? null,
    docx: docxPath ?? null,
    docxSignature,
    subject: identity.subject,
    signedAt,
    revision: stamp.revision,
    contentHash: stamp.contentHash,
    record: {
      revision: stamp.revision,
      contentHash: stamp.contentHash,
      signer,
      signedAt: localIso(signedAt),
      certificate: certificateIdentity(identity.certificate),
    },
  };
}

function selfCheck(pdf: Buffer): SelfCheck {
  const check = verifyPdf(pdf);
  // Signing has no trust anchors: it says the chain was not checked, in verify's words.
  const chain =
    check.certificates.signer === null
      ? null
      : evaluateTrust({ signer: check.certificates.signer, chain: check.certificates.carried, anchors: [], at: new Date() });
  return {
    valid: check.valid,
    integrity: check.valid ? "签名有效 / signature valid" : `签名无效 / signature INVALID：${check.problem ?? ""}`,
    chain: chain?.label ?? "未检查证书链 / chain not checked",
  };
}

/** Only an approved, unchanged report may be signed. */
export function approvalStamp(report: Report, signer: string): ApprovalStamp {
  const status = approvalStatus(report);
  if (status.approval === null || status.approvedHash === null) {
    throw new NianbaoError(
      "forbidden",
      "报告尚未签发，不能加数字签名。请先完成 拟稿 → 审核 → 签发（nianbao workflow <文件> approve --as <姓名> --role 签发人）。",
      "the report is not approved; approve it before signing (nianbao workflow <file> approve --as <name> --role 签发人)",
    );
  }
  if (status.modifiedSinceApproval === true) {
    throw new NianbaoError(
      "report_locked",
      "报告内容与签发时不一致（签发后被改动过），不能签名。请创建修订稿并重新签发。",
      "the report changed after approval; create a revision and approve it again before signing",
    );
  }
  return {
    reportId: report.id,
    revision: status.revision,
    contentHash: status.approvedHash,
    approvedBy: status.approval.person,
    approvedAt: status.approval.at,
    signer,
  };
}
