import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import type { PDFDict } from "pdf-lib";
import { PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { createCadesDetachedCms } from "./create-cades-cms";
import { appendSignaturePlaceholder } from "./pdf/append-signature-placeholder";
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
 * visible appearance: Nianbao never draws anything that could pass for a seal. The approval stamp
 * and the signature field are appended as an incremental update to the exported bytes.
 */
export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, stamp: ApprovalStamp, signingTime: Date): Promise<Buffer> {
  if (!isPdf(pdf)) throw new NianbaoError("unsupported_format", "要签名的文件不是 PDF。", "the file to sign is not a PDF");
  const placeholder = {
    reason: `签发：${stamp.approvedBy}（第 ${stamp.revision} 稿）`,
    name: stamp.signer,
    signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: SIGNATURE_LENGTH,
    editInfo: (info: PDFDict) => stampInfo(info, stamp),
  };
  let prepared: Buffer | null;
  try {
    // A file whose cross-reference is a stream (not what Chromium writes) is rewritten by pdf-lib first.
    prepared = appendSignaturePlaceholder(pdf, placeholder) ?? appendSignaturePlaceholder(await rewritten(pdf), placeholder);
  } catch (error) {
    throw damaged(error);
  }
  if (prepared === null) throw damaged(new Error("pdf-lib wrote no cross-reference table"));
  return new SignPdf().sign(prepared, new IdentitySigner(identity), signingTime);
}

/** Keywords show in every viewer's document properties; the Nianbao keys are for `verify --report`. */
function stampInfo(info: PDFDict, stamp: ApprovalStamp): void {
  info.set(PDFName.of("Keywords"), PDFHexString.fromText([`年报第${stamp.revision}稿`, `sha256:${stamp.contentHash}`].join(" ")));
  info.set(PDFName.of(PDF_INFO_KEYS.contentHash), PDFString.of(stamp.contentHash));
  info.set(PDFName.of(PDF_INFO_KEYS.revision), PDFString.of(String(stamp.revision)));
  info.set(PDFName.of(PDF_INFO_KEYS.reportId), PDFString.of(stamp.reportId));
}

async function rewritten(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.save({ useObjectStreams: false });
}

function damaged(error: unknown): NianbaoError {
  const en = error instanceof Error ? error.message : String(error);
  return new NianbaoError(
    "file_corrupt",
    `PDF 文件已损坏或已加密，无法签名：${en}`,
    `the PDF is damaged or encrypted and cannot be signed: ${en}`,
    {
      cause: error,
    },
  );
}
