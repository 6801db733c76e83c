import type { ApprovalStamp } from "../sign-pdf";

export interface RecordedApproval {
  contentHash: string | null;
  revision: number | null;
  reportId: string | null;
}

/**
 * The signature's comment (Word: 签名详细信息 → 签署此文档的目的), which the signature covers.
 * The machine-read fields come first and have fixed forms, so a name containing "；" cannot
 * shadow them (the first match is the one read back).
 */
export function approvalComment(stamp: ApprovalStamp): string {
  return [
    `年报签发稿 第 ${stamp.revision} 稿`,
    `内容摘要 SHA-256 ${stamp.contentHash}`,
    `报告编号 ${stamp.reportId}`,
    `签发人 ${stamp.approvedBy}`,
    ...(stamp.approvedAt === undefined ? [] : [`签发时间 ${stamp.approvedAt}`]),
    `签名人 ${stamp.signer}`,
  ].join("；");
}

export function readApprovalComment(comment: string): RecordedApproval {
  const revision = /^年报签发稿 第 (\d{1,9}) 稿(?:；|$)/.exec(comment)?.[1];
  return {
    revision: revision === undefined ? null : Number(revision),
    contentHash: /(?:^|；)内容摘要 SHA-256 ([0-9a-f]{64})(?:；|$)/.exec(comment)?.[1] ?? null,
    reportId: /(?:^|；)报告编号 ([^；]{1,64})(?:；|$)/.exec(comment)?.[1] ?? null,
  };
}
