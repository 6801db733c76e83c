import { NianbaoError } from "../errors/nianbao-error";
import type { Report } from "../model/report";
import type { SignatureRecord } from "../model/signature-record";
import { approvalStatus } from "./approval-status";

/**
 * The report with one more signing of its current approved revision recorded, so that
 * `verify --report` can tell this certificate's signature from anyone else's. Refused when the
 * record is for another revision or other content than the one approved now.
 */
export function recordSignature(report: Report, record: SignatureRecord): Report {
  const status = approvalStatus(report);
  if (status.approvedHash === null || record.revision !== status.revision || record.contentHash !== status.approvedHash) {
    throw new NianbaoError(
      "report_locked",
      "签名的文件与报告当前的签发稿不一致，签名记录未写入报告。",
      "the signed files are not of the report's current approved revision; the signature was not recorded in the report",
    );
  }
  return { ...report, signatures: [...report.signatures, record] };
}
