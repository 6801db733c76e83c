import { resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import type { Report } from "../../../core/model/report";
import { recordSignature } from "../../../core/workflow/record-signature";
import { exportReport } from "../../export/export-report";
import { signExportedFiles } from "../../sign/sign-exported-files";
import { loadReportFile } from "../../storage/report-file";
import { updateReportFile } from "../../workflow/save-report-guarded";
import { loadTemplate } from "../../templates/template-store";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao sign <file.nianbao> --p12 <证书.p12> --password-env <环境变量名> --signer <姓名> [--pdf out.pdf] [--docx out.docx]";

const Args = z
  .object({
    p12: z.string().min(1, "缺少 --p12（单位证书文件）"),
    "password-env": z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "--password-env 须为环境变量名，如 NIANBAO_P12_PASSWORD（不要在命令行直接写密码）"),
    signer: z.string().trim().min(1, "缺少 --signer（签名人姓名）").max(100),
    pdf: z
      .string()
      .refine((p) => p.toLowerCase().endsWith(".pdf"), "--pdf 须以 .pdf 结尾")
      .optional(),
    docx: z
      .string()
      .refine((p) => p.toLowerCase().endsWith(".docx"), "--docx 须以 .docx 结尾")
      .optional(),
    positionals: z.array(z.string()).length(1, "须指定一个报告文件（.nianbao）"),
  })
  .refine((a) => a.pdf !== undefined || a.docx !== undefined, "须用 --pdf 和/或 --docx 指定输出文件");

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      p12: { type: "string" },
      "password-env": { type: "string" },
      signer: { type: "string" },
      pdf: { type: "string" },
      docx: { type: "string" },
    },
    Args,
    USAGE,
  );
  const reportPath = resolve(io.cwd, opts.positionals[0] ?? "");
  const { report } = await loadReportFile(reportPath);
  const variable = opts["password-env"];
  const password = (): string => {
    const value = io.env[variable];
    if (value === undefined) {
      throw new NianbaoError(
        "invalid_input",
        `环境变量 ${variable} 未设置：请把证书密码放在该环境变量中。`,
        `environment variable ${variable} is not set; put the certificate password there`,
      );
    }
    return value;
  };
  const pdfPath = opts.pdf === undefined ? undefined : resolve(io.cwd, opts.pdf);
  const docxPath = opts.docx === undefined ? undefined : resolve(io.cwd, opts.docx);
  // The app's use case: the files are exported only once the report and the certificate passed
  // every check, so a wrong password or an expired certificate writes nothing.
  const signed = await signExportedFiles({
    ...(pdfPath === undefined ? {} : { pdfPath }),
    ...(docxPath === undefined ? {} : { docxPath }),
    p12: resolve(io.cwd, opts.p12),
    password,
    signer: opts.signer,
    report,
    now: new Date(io.clock.now()),
    exportFirst: () => exportForSigning(report, pdfPath, docxPath),
  });
  // The certificate goes into the report so `verify --report` accepts this signature and no other.
  await updateReportFile(reportPath, ({ report: current }) => recordSignature(current, signed.record));
  const { issuer, serial, fingerprint } = signed.record.certificate;
  const lines = [`已签名（第 ${signed.revision} 稿，证书 ${signed.subject}）：`];
  if (signed.pdf !== null) lines.push(`  ${signed.pdf}`);
  if (signed.docx !== null)
    lines.push(`  ${signed.docx}`, `  ${signed.docxSignature ?? ""}（.docx 的独立签名文件；.docx 内已带 Word 可见的数字签名）`);
  lines.push(`证书颁发者 ${issuer}，序列号 ${serial}`, `证书指纹（SHA-256）${fingerprint}（已记入报告文件）`);
  lines.push("数字签名证明文件未被改动，不是电子印章；盖章请使用单位的签章系统。", `Signed revision ${signed.revision}.`);
  io.out(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

/** Signing only ever sees files freshly exported from the approved report: no fallback to existing files. */
async function exportForSigning(report: Report, pdfPath: string | undefined, docxPath: string | undefined): Promise<void> {
  await exportReport({
    report,
    template: await loadTemplate(report.template.id),
    ...(pdfPath === undefined ? {} : { pdfPath }),
    ...(docxPath === undefined ? {} : { docxPath }),
  });
}
