import type { Unzipped } from "fflate";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { certificateIdentity } from "../certificate-identity";
import { openDocx, readCustomProperties } from "../docx-custom-properties";
import { DOCX_PROPERTY_NAMES } from "../sign-docx";
import { verifyDetachedCms, type CmsVerdict } from "../verify-detached-cms";
import type { SignatureCheck } from "../verify-signature";
import { readApprovalComment } from "./approval-comment";
import { verifyPackageSignature, type PackageSignatureVerdict } from "./verify-package-signature";
import { zipLayoutProblem } from "./zip-layout";

export type SignatureState = "valid" | "invalid" | "absent";

/** What `verify` found in and beside a .docx. */
export interface DocxSignatureDetail {
  /** The signature inside the package, the one Word, WPS and LibreOffice show. */
  packageSignature: SignatureState;
  /** The detached `.docx.p7s` beside the file. */
  detachedSignature: SignatureState;
  changedParts: string[];
  addedParts: string[];
  removedParts: string[];
}

const NOTHING_RECORDED = { contentHash: null, revision: null, reportId: null };

/**
 * A .docx is valid when its bytes are exactly a zip package, and every signature it has (the
 * package signature inside, the .p7s beside it when there is one) holds, and it has at least one.
 * A damaged file is a verdict (invalid), never an error: a file changed after signing may well be
 * unreadable.
 */
export function verifyDocxBytes(docx: Buffer, p7s: Buffer | null): SignatureCheck & { docx: DocxSignatureDetail } {
  let layout: string | null;
  try {
    layout = zipLayoutProblem(docx);
  } catch {
    layout = "压缩包结构已损坏";
  }
  let entries: Unzipped | null = null;
  try {
    entries = openDocx(docx);
  } catch (error) {
    if (!(error instanceof NianbaoError)) throw error;
  }
  const pkg: PackageSignatureVerdict | null = entries === null ? null : verifyPackageSignature(entries);
  const cms: CmsVerdict | null = p7s === null ? null : verifyDetachedCms(p7s, docx);
  const detail: DocxSignatureDetail = {
    packageSignature: pkg?.present === true ? (pkg.valid ? "valid" : "invalid") : "absent",
    detachedSignature: cms === null ? "absent" : cms.signatureValid ? "valid" : "invalid",
    changedParts: pkg?.changed ?? [],
    addedParts: pkg?.added ?? [],
    removedParts: pkg?.removed ?? [],
  };
  const signed = detail.packageSignature !== "absent" || cms !== null;
  const problems = [
    layout === null ? null : `文件在签名后被改动：${layout}。`,
    entries === null ? "文件已损坏，不是可读取的 .docx。" : null,
    pkg?.present === true ? pkg.problem : null,
    pkg?.valid === true ? propertiesDisagree(entries, pkg.comment) : null,
    cms?.problem ?? null,
    signed ? null : "文件中没有数字签名（.docx 内没有 Word 签名，旁边也没有 .p7s 签名文件）。",
  ].filter((p): p is string => p !== null);
  const valid = problems.length === 0;
  const signer = (pkg?.present === true ? pkg.signer : null) ?? cms?.signer ?? null;
  const certificate = (pkg?.present === true ? pkg.certificate : null) ?? cms?.certificate ?? null;
  return {
    kind: "docx",
    valid,
    signer,
    signedAt: (pkg?.present === true ? pkg.signedAt : null) ?? cms?.signedAt ?? null,
    modifiedAfterSigning: !signed || (signer === null && layout === null) ? null : !valid,
    problem: problems[0] ?? null,
    recorded: valid ? recordedApproval(entries, pkg) : NOTHING_RECORDED,
    certificate: certificate === null ? null : certificateIdentity(certificate),
    certificates: { signer: certificate, carried: cms?.certificates ?? [] },
    // Changed parts are reported by name in `docx`; `changes` describes PDF incremental updates.
    changes: [],
    docx: detail,
  };
}

/**
 * Office leaves document properties unsigned, and so does this signature; the approval recorded
 * there must still agree with the signed comment, or someone changed it to mislead a reader.
 */
function propertiesDisagree(entries: Unzipped | null, comment: string | null): string | null {
  if (entries === null || comment === null) return null;
  const signed = readApprovalComment(comment);
  let props: Map<string, string>;
  try {
    props = readCustomProperties(entries);
  } catch (error) {
    if (!(error instanceof NianbaoError)) throw error;
    return null;
  }
  const hash = props.get(DOCX_PROPERTY_NAMES.contentHash);
  const revision = props.get(DOCX_PROPERTY_NAMES.revision);
  const differs = (hash !== undefined && hash !== signed.contentHash) || (revision !== undefined && Number(revision) !== signed.revision);
  return differs ? "文件属性中的签发稿摘要与签名中记录的不一致（签名后被改动）。" : null;
}

/** The signed comment when there is a package signature; else the properties the .p7s covers. */
function recordedApproval(entries: Unzipped | null, pkg: PackageSignatureVerdict | null): SignatureCheck["recorded"] {
  if (pkg?.present === true) return pkg.comment === null ? NOTHING_RECORDED : readApprovalComment(pkg.comment);
  if (entries === null) return NOTHING_RECORDED;
  try {
    const props = readCustomProperties(entries);
    const revision = props.get(DOCX_PROPERTY_NAMES.revision);
    return {
      contentHash: props.get(DOCX_PROPERTY_NAMES.contentHash) ?? null,
      revision: revision === undefined ? null : Number(revision),
      reportId: props.get(DOCX_PROPERTY_NAMES.reportId) ?? null,
    };
  } catch (error) {
    if (!(error instanceof NianbaoError)) throw error;
    return NOTHING_RECORDED;
  }
}
