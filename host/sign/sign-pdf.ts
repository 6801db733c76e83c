import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import { PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { createCadesDetachedCms } from "./pdf/create-cades-cms";
import type { SigningIdentity } from "./signing-identity";

/** What the signed file records about the approved report; covered by the signature. */
export interface ApprovalStamp {
  reportId: string;
  revision: number;
  contentHash: string;
  /** The 签发人 as named in the workflow, and the person who applied the certificate. */
  approvedBy: string;
  /** When the 签发人 approved (ISO 8601 with offset), as the workflow recorded it. */
  approvedAt?: string;
  signer: string;
}

/** Info-dictionary keys (a PDF's document properties) that carry the approval. */
export const PDF_INFO_KEYS = { contentHash: "NianbaoContentHash", revision: "NianbaoRevision", reportId: "NianbaoReportId" } as const;

// Room for the CMS with a few chain certificates; pdfsig and Acrobat ignore the zero padding.
const SIGNATURE_LENGTH = 16_384;

/** @signpdf's signer slot, filled with our CAdES CMS (the signing time lives in /M, not in the CMS). */
class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return createCadesDetachedCms(pdfBuffer, this.identity);
  }
}

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");
}

/**
 * A PAdES baseline B-B signature (ETSI.CAdES.detached, SHA-256) over the whole file, with no
 * visible appearance: Nianbao never draws anything that could pass for a seal.
 */
export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, stamp: ApprovalStamp, signingTime: Date): Promise<Buffer> {
  if (!isPdf(pdf)) throw new NianbaoError("unsupported_format", "要签名的文件不是 PDF。", "the file to sign is not a PDF");
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError(
      "file_corrupt",
      `PDF 文件已损坏或已加密，无法签名：${en}`,
      `the PDF is damaged or encrypted and cannot be signed: ${en}`,
      { cause: error },
    );
  }
  // Keywords show in every viewer's document properties; setting them also creates the Info dict.
  doc.setKeywords([`年报第${stamp.revision}稿`, `sha256:${stamp.contentHash}`]);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(PDF_INFO_KEYS.contentHash), PDFString.of(stamp.contentHash));
  info.set(PDFName.of(PDF_INFO_KEYS.revision), PDFString.of(String(stamp.revision)));
  info.set(PDFName.of(PDF_INFO_KEYS.reportId), PDFString.of(stamp.reportId));
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: `签发：${stamp.approvedBy}（第 ${stamp.revision} 稿）`,
    contactInfo: "",
    name: stamp.signer,
    location: "",
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Nianbao",
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new IdentitySigner(identity), signingTime);
}
