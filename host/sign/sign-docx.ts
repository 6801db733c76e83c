import { createCadesDetachedCms } from "./create-cades-cms";
import { openDocx, withCustomPropertyEntries } from "./docx-custom-properties";
import { approvalComment } from "./ooxml/approval-comment";
import { addPackageSignature } from "./ooxml/write-package-signature";
import type { ApprovalStamp } from "./sign-pdf";
import type { SigningIdentity } from "./signing-identity";
import { zipFiles } from "../storage/zip-files";

/** Custom document properties (Word: 文件 → 信息 → 属性 → 高级属性 → 自定义). */
export const DOCX_PROPERTY_NAMES = {
  contentHash: "NianbaoContentHash",
  revision: "NianbaoRevision",
  reportId: "NianbaoReportId",
  approvedBy: "Nianbao签发人",
  signer: "Nianbao签名人",
  certificate: "Nianbao签名证书",
} as const;

export interface SignedDocx {
  docx: Uint8Array;
  /** Detached CMS over exactly `docx`, to be saved as `<file>.docx.p7s`. */
  p7s: Buffer;
}

/**
 * The approval goes into the custom properties (readable in Word, not covered by the package
 * signature) and into the signature's comment (covered); the package signature is added last,
 * after every other change, and the detached CMS beside the file covers the final bytes.
 */
export async function signDocx(docx: Uint8Array, identity: SigningIdentity, stamp: ApprovalStamp, signingTime: Date): Promise<SignedDocx> {
  const stamped = withCustomPropertyEntries(openDocx(docx), {
    [DOCX_PROPERTY_NAMES.contentHash]: stamp.contentHash,
    [DOCX_PROPERTY_NAMES.revision]: String(stamp.revision),
    [DOCX_PROPERTY_NAMES.reportId]: stamp.reportId,
    [DOCX_PROPERTY_NAMES.approvedBy]: stamp.approvedBy,
    [DOCX_PROPERTY_NAMES.signer]: stamp.signer,
    [DOCX_PROPERTY_NAMES.certificate]: identity.subject,
  });
  const signed = zipFiles(addPackageSignature(stamped, { identity, comment: approvalComment(stamp), signingTime }));
  return { docx: signed, p7s: await createCadesDetachedCms(signed, identity, { signingTime }) };
}
