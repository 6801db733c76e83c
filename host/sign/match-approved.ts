import type { Report } from "../../core/model/report";
import { approvalStatus } from "../../core/workflow/approval-status";
import type { SignatureCheck } from "./verify-signature";

export interface ApprovedMatch {
  matches: boolean;
  /** In Chinese, for the verify output. */
  detail: string;
}

/**
 * Whether a signed file carries the hash of the report's current approved revision and was
 * signed with a certificate the report recorded for that revision: the same content re-signed
 * with any other certificate, even one with the same name, does not match.
 */
export function matchApproved(check: SignatureCheck, report: Report): ApprovedMatch {
  const recorded = check.recorded.contentHash;
  if (!check.valid || recorded === null)
    return { matches: false, detail: check.valid ? "文件中没有记录签发稿摘要。" : "签名无效，无法确认所记录的签发稿摘要。" };
  const status = approvalStatus(report);
  if (status.approvedHash === recorded) {
    if (status.modifiedSinceApproval === true) return { matches: false, detail: "报告文件在签发后被改动过，与签发稿不一致。" };
    const records = report.signatures.filter((s) => s.revision === status.revision && s.contentHash === recorded);
    if (records.length === 0)
      return { matches: false, detail: `报告中没有第 ${status.revision} 稿的签名记录，无法确认签名证书（请用年报重新签名）。` };
    const fingerprint = check.certificate?.fingerprint ?? "";
    if (!records.some((s) => s.certificate.fingerprint === fingerprint)) {
      const expected = records.map((s) => s.certificate.fingerprint).join("、");
      return {
        matches: false,
        detail: `内容与第 ${status.revision} 稿签发稿一致，但签名证书不是报告中记录的证书（记录的指纹 ${expected}，文件的指纹 ${fingerprint || "（无）"}）。`,
      };
    }
    return { matches: true, detail: `与第 ${status.revision} 稿签发稿一致，签名证书与报告中记录的一致。` };
  }
  const older = report.revisions.find((r) => r.contentHash === recorded);
  if (older !== undefined) return { matches: false, detail: `与较早的第 ${older.revision} 稿签发稿一致，但不是当前签发稿。` };
  if (status.approvedHash === null) return { matches: false, detail: "报告当前没有签发稿。" };
  return { matches: false, detail: "与报告的签发稿不一致。" };
}
