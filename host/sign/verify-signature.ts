import { readFile } from "node:fs/promises";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { verifyDocxBytes, type DocxSignatureDetail } from "./ooxml/verify-docx";
import { readInputFile } from "./read-input-file";
import { isPdf, PDF_INFO_KEYS } from "./sign-pdf";
import { verifyDetachedCms, type CmsVerdict } from "./verify-detached-cms";

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
  const start = pdf.lastIndexOf("/ByteRange [");
  const match =
    start === -1 ? null : /^\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.subarray(start, start + 100).toString("latin1"));
  if (match === null) return unsigned("pdf", "PDF 中没有数字签名。");
  const [a, b, c, d] = match.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || a + b >= c || c + d > pdf.length) return unsigned("pdf", "签名的字节范围（ByteRange）无效，文件已被改动。", true);
  const contents = pdf
    .subarray(b, c)
    .toString("latin1")
    .replace(/[<>\s]/g, "");
  const signed = Buffer.concat([pdf.subarray(a, b), pdf.subarray(c, c + d)]);
  const verdict = verifyDetachedCms(Buffer.from(contents, "hex"), signed);
  // Bytes after the signed range are an incremental update: a change made after signing.
  const appended =
    pdf
      .subarray(c + d)
      .toString("latin1")
      .trim() !== "";
  const text = signed.toString("latin1");
  const info = (key: string) => new RegExp(`/${key}\\s*\\(([^)]*)\\)`).exec(text)?.[1] ?? null;
  const revision = info(PDF_INFO_KEYS.revision);
  return fromVerdict("pdf", verdict, appended, {
    contentHash: info(PDF_INFO_KEYS.contentHash),
    revision: revision === null ? null : Number(revision),
    reportId: info(PDF_INFO_KEYS.reportId),
  });
}

export function verifyDocx(docx: Buffer, p7s: Buffer | null): SignatureCheck {
  return verifyDocxBytes(docx, p7s);
}

function fromVerdict(
  kind: SignatureCheck["kind"],
  verdict: CmsVerdict,
  appended: boolean,
  recorded: SignatureCheck["recorded"],
): SignatureCheck {
  const intact = verdict.signatureValid && !appended;
  return {
    kind,
    valid: intact,
    signer: verdict.signer,
    signedAt: verdict.signedAt,
    modifiedAfterSigning: verdict.signer === null ? null : !verdict.digestMatches || appended,
    problem: verdict.problem ?? (appended ? "签名之后文件又被追加修改（增量更新）。" : null),
    recorded: intact ? recorded : NOTHING_RECORDED,
  };
}

function unsigned(kind: SignatureCheck["kind"], problem: string, modified: boolean | null = null): SignatureCheck {
  return { kind, valid: false, signer: null, signedAt: null, modifiedAfterSigning: modified, problem, recorded: NOTHING_RECORDED };
}
