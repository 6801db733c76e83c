import { createDetachedCms } from "./create-detached-cms";
import { openDocx, withCustomProperties } from "./docx-custom-properties";
import type { ApprovalStamp } from "./sign-pdf";
import type { SigningIdentity } from "./signing-identity";

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
 * OOXML package signatures have no JavaScript implementation, so the .docx gets the approval
 * recorded in its custom properties and a detached CMS signature beside it.
 */
export function signDocx(docx: Uint8Array, identity: SigningIdentity, stamp: ApprovalStamp, signingTime: Date): SignedDocx {
  const stamped = withCustomProperties(openDocx(docx), {
    [DOCX_PROPERTY_NAMES.contentHash]: stamp.contentHash,
    [DOCX_PROPERTY_NAMES.revision]: String(stamp.revision),
    [DOCX_PROPERTY_NAMES.reportId]: stamp.reportId,
    [DOCX_PROPERTY_NAMES.approvedBy]: stamp.approvedBy,
    [DOCX_PROPERTY_NAMES.signer]: stamp.signer,
    [DOCX_PROPERTY_NAMES.certificate]: identity.subject,
  });
  return { docx: stamped, p7s: createDetachedCms(stamped, identity, signingTime) };
}
