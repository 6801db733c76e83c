import { extname, resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { CertificateIdentity } from "../../../core/model/signature-record";
import { evaluateTrust, readTrustAnchors, TRUST_LABELS, type TrustVerdict } from "../../sign/evaluate-trust";
import { matchApproved, type ApprovedMatch } from "../../sign/match-approved";
import { readInputFile } from "../../sign/read-input-file";
import { verifyDocxFile, verifyPdfFile, type SignatureCheck } from "../../sign/verify-signature";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_NEGATIVE, EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao verify <signed.pdf | file.docx [file.docx.p7s]> [--report x.nianbao] [--trust ca.pem]... [--json]";

const Args = z.object({
  report: z.string().optional(),
  trust: z.array(z.string()).default([]),
  json: z.boolean().default(false),
  positionals: z.array(z.string()).min(1, "须指定要验证的文件").max(2, "多余的参数"),
});

/** The --json shape promised in the README; keep it stable. */
export const VerifyJson = z.object({
  valid: z.boolean(),
  signer: z.string().nullable(),
  signedAt: z.iso.datetime().nullable(),
  modifiedAfterSigning: z.boolean().nullable(),
  matchesApproved: z.boolean().nullable(),
  /** A .docx only: the package signature inside it, the .p7s beside it, and the parts found changed. */
  docx: z
    .object({
      packageSignature: z.enum(["valid", "invalid", "absent"]),
      detachedSignature: z.enum(["valid", "invalid", "absent"]),
      changedParts: z.array(z.string()),
      addedParts: z.array(z.string()),
      removedParts: z.array(z.string()),
    })
    .optional(),
  /** Added with PAdES: which certificate signed (null when the signature carries none). */
  certificate: CertificateIdentity.nullable(),
  /** The chain against the `--trust` anchors, reported apart from integrity. */
  chain: z.object({ status: z.enum(["trusted", "untrusted", "expired", "notYetValid", "notChecked"]), detail: z.string().nullable() }),
  /** Why the signature is not valid, in Chinese; null when valid. */
  problem: z.string().nullable(),
  /** What was changed after signing (PDF incremental updates). */
  changesAfterSigning: z.array(z.string()),
});
export type VerifyJson = z.infer<typeof VerifyJson>;

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    { report: { type: "string" }, trust: { type: "string", multiple: true }, json: { type: "boolean" } },
    Args,
    USAGE,
  );
  const anchors = readTrustAnchors(
    await Promise.all(opts.trust.map(async (p) => ({ path: p, bytes: await readInputFile(resolve(io.cwd, p), "根证书") }))),
  );
  const [first = "", second] = opts.positionals.map((p) => resolve(io.cwd, p));
  const kind = extname(first).toLowerCase();
  let check: SignatureCheck;
  if (kind === ".pdf" && second === undefined) check = await verifyPdfFile(first);
  else if (kind === ".docx") check = await verifyDocxFile(first, second);
  else
    throw new NianbaoError(
      "unsupported_format",
      `只能验证已签名的 PDF 或 .docx（及其 .p7s）：${first}`,
      `can only verify a signed PDF, or a .docx with its .p7s: ${first}`,
    );
  const match = opts.report === undefined ? null : matchApproved(check, (await loadReportFile(resolve(io.cwd, opts.report))).report);
  const trust: TrustVerdict =
    check.certificates.signer === null
      ? {
          status: anchors.length === 0 ? "notChecked" : "untrusted",
          label: TRUST_LABELS[anchors.length === 0 ? "notChecked" : "untrusted"],
          detail: "签名中没有签名证书。",
        }
      : evaluateTrust({ signer: check.certificates.signer, chain: check.certificates.carried, anchors, at: new Date(io.clock.now()) });
  const json = VerifyJson.parse({
    valid: check.valid,
    signer: check.signer,
    signedAt: check.signedAt?.toISOString() ?? null,
    modifiedAfterSigning: check.modifiedAfterSigning,
    matchesApproved: match?.matches ?? null,
    ...(check.docx === undefined ? {} : { docx: check.docx }),
    certificate: check.certificate,
    chain: { status: trust.status, detail: trust.detail },
    problem: check.problem,
    changesAfterSigning: check.changes,
  });
  io.out(opts.json ? `${JSON.stringify(json, null, 2)}\n` : renderText(first, check, match, trust));
  const trusted = anchors.length === 0 || trust.status === "trusted";
  return check.valid && match?.matches !== false && trusted ? EXIT_OK : EXIT_NEGATIVE;
}

function renderText(path: string, check: SignatureCheck, match: ApprovedMatch | null, trust: TrustVerdict): string {
  const yesNo = (v: boolean | null) => (v === null ? "无法判断" : v ? "是" : "否");
  const lines = [
    check.valid ? "签名有效 / signature valid" : "签名无效 / signature INVALID",
    `文件          ${path}`,
    `签名证书      ${check.signer ?? "（无）"}`,
    `颁发者        ${check.certificate?.issuer ?? "（无）"}`,
    `序列号        ${check.certificate?.serial ?? "（无）"}`,
    `证书指纹      ${check.certificate === null ? "（无）" : `SHA-256 ${check.certificate.fingerprint}`}`,
    `证书链        ${trust.label}${trust.detail === null ? "" : `（${trust.detail}）`}`,
    `签名时间      ${check.signedAt?.toLocaleString("zh-CN", { hour12: false }) ?? "（无）"}`,
    `签名后被改动  ${yesNo(check.modifiedAfterSigning)}`,
  ];
  if (check.docx !== undefined) {
    const state = { valid: "有效", invalid: "无效", absent: "无" } as const;
    lines.push(`Word 内签名    ${state[check.docx.packageSignature]}`, `.p7s 签名     ${state[check.docx.detachedSignature]}`);
    if (check.docx.changedParts.length > 0) lines.push(`被改动的部件  ${check.docx.changedParts.join("、")}`);
    if (check.docx.addedParts.length > 0) lines.push(`新增的部件    ${check.docx.addedParts.join("、")}`);
    if (check.docx.removedParts.length > 0) lines.push(`被删除的部件  ${check.docx.removedParts.join("、")}`);
  }
  if (check.recorded.revision !== null)
    lines.push(`签发稿        第 ${check.recorded.revision} 稿，摘要 ${check.recorded.contentHash ?? ""}`);
  if (match !== null) lines.push(`与签发稿一致  ${yesNo(match.matches)}（${match.detail}）`);
  for (const change of check.changes) lines.push(`签名后的改动  ${change}`);
  if (check.problem !== null) lines.push(`原因          ${check.problem}`);
  lines.push(
    trust.status === "notChecked"
      ? "说明：校验了文件完整性与签名证书；未检查证书链（可用 --trust 根证书.pem 检查）。数字签名不是电子印章。"
      : "说明：证书链按 --trust 所给的根证书检查，未检查证书吊销。数字签名不是电子印章。",
  );
  return `${lines.join("\n")}\n`;
}
