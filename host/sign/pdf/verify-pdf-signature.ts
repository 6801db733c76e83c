import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from "pdf-lib";
import type { PDFObject } from "pdf-lib";
import { verifyDetachedCms, type CmsVerdict } from "../verify-detached-cms";
import { latin1, PdfRevision, PdfStructureError } from "./pdf-revision";

export interface PdfSignatureVerdict {
  /** The bytes are intact, exactly as signed, and nothing was added after. */
  valid: boolean;
  cms: CmsVerdict | null;
  /** The signature dictionary's /M (PAdES puts the signing time there). */
  signedAt: Date | null;
  /** null when the file is too damaged to tell. */
  modifiedAfterSigning: boolean | null;
  /** Why it is not valid, in Chinese; empty when valid. */
  problems: string[];
  /** What incremental updates after the signature change, in Chinese. */
  changes: string[];
  /** Info-dictionary entries of the signed revision (covered by the signature). */
  info: Map<string, string>;
}

const HEX = /^[0-9A-Fa-f]*$/;

/**
 * Verifies the one signature of a Nianbao-signed PDF as an attacker-resistant check: the
 * signature dictionary is found through the document structure (trailer → catalog → AcroForm →
 * signature field), the ByteRange must cover the signed revision except exactly that
 * dictionary's /Contents hex string, and every incremental update after the signature is read
 * through the cross-reference chain and described.
 */
export function verifyPdfSignature(pdf: Uint8Array): PdfSignatureVerdict {
  const verdict: PdfSignatureVerdict = {
    valid: false,
    cms: null,
    signedAt: null,
    modifiedAfterSigning: null,
    problems: [],
    changes: [],
    info: new Map(),
  };
  const fail = (problem: string, modified: boolean | null = verdict.modifiedAfterSigning) => {
    verdict.problems.push(problem);
    verdict.modifiedAfterSigning = modified;
    return verdict;
  };
  let full: PdfRevision;
  try {
    full = new PdfRevision(pdf, pdf.length);
  } catch (error) {
    return fail(`PDF 的交叉引用结构无法读取（${describe(error)}），文件已损坏或被改动。`, true);
  }
  const fields = signatureFields(full);
  const signatures = [...new Set(fields.map((f) => f.value.objectNumber))];
  if (signatures.length === 0) return fail("PDF 中没有数字签名。");
  if (signatures.length > 1) return fail(`PDF 中有 ${signatures.length} 个签名；年报签名的文件只有一个签名，其余签名是之后加上的。`, true);
  const ref = fields[0]?.value;
  if (ref === undefined) return fail("PDF 中没有数字签名。");
  if (fields.length !== 1) return fail(`同一个签名被 ${fields.length} 个签名域引用（每个签名应恰有一个签名域）。`, true);
  const sig = full.dict(ref);
  if (sig === null) {
    return fail(
      full.entries.has(ref.objectNumber)
        ? "签名字典无法按 PDF 语法解析（签名值 /Contents 中夹带了其他内容），文件已被改动。"
        : "签名域指向的签名字典不存在。",
      true,
    );
  }
  verdict.signedAt = pdfDate(sig.get(PDFName.of("M")));
  const range = byteRange(sig.get(PDFName.of("ByteRange")));
  if (range === null) return fail("签名的字节范围（ByteRange）格式无效。", true);
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b + 1 || d < 0 || c + d > pdf.length) return fail("签名的字节范围（ByteRange）无效，文件已被改动。", true);
  const signedEnd = c + d;

  // The gap must be exactly the /Contents hex string of this very dictionary.
  const gap = latin1(pdf.subarray(b, c));
  const span = full.span(ref.objectNumber);
  const before = span === null ? "" : latin1(pdf.subarray(span.start, b));
  if (span === null || span.start >= b || span.end <= c || !/\/Contents\s*$/.test(before)) {
    return fail("签名的字节范围（ByteRange）没有恰好留出签名字典的 /Contents，文件结构被改动（签名包装攻击）。", true);
  }
  if (!gap.startsWith("<") || !gap.endsWith(">") || !HEX.test(gap.slice(1, -1)) || gap.length % 2 !== 0) {
    return fail("签名值（/Contents）中夹带了非十六进制的内容，文件已被改动。", true);
  }
  const contents = sig.get(PDFName.of("Contents"));
  const cmsBytes = Buffer.from(gap.slice(1, -1), "hex");
  if (!(contents instanceof PDFHexString) || !Buffer.from(contents.asBytes()).equals(cmsBytes)) {
    return fail("签名字典的 /Contents 与字节范围留出的内容不一致。", true);
  }
  const cmsLength = derLength(cmsBytes);
  if (cmsLength === null || cmsBytes.subarray(cmsLength).some((byte) => byte !== 0)) {
    return fail("签名值（/Contents）在签名数据之后还有非零内容，文件已被改动。", true);
  }

  // The signed revision, read on its own, must contain this signature through the same structure.
  let signed: PdfRevision;
  try {
    signed = new PdfRevision(pdf, signedEnd);
  } catch (error) {
    return fail(`签名所覆盖的版本不是一个完整的 PDF 版本（${describe(error)}），文件已被改动。`, true);
  }
  const signedFields = signatureFields(signed).filter((f) => f.value.objectNumber === ref.objectNumber);
  const signedSpan = signed.span(ref.objectNumber);
  if (signedFields.length !== 1 || signedSpan === null || signedSpan.start !== span.start) {
    return fail("签名所覆盖的版本中找不到这个签名的签名域，文件结构被改动。", true);
  }
  verdict.info = infoOf(signed);

  verdict.cms = verifyDetachedCms(cmsBytes.subarray(0, cmsLength), Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, signedEnd)]));
  verdict.changes = signedEnd < pdf.length ? changesAfter(pdf, signed, full) : [];
  verdict.modifiedAfterSigning = verdict.cms.signer === null ? null : !verdict.cms.digestMatches || verdict.changes.length > 0;
  if (verdict.cms.problem !== null) verdict.problems.push(verdict.cms.problem);
  if (verdict.changes.length > 0) verdict.problems.push(`签名之后文件又被修改（增量更新）：${verdict.changes.join("；")}。`);
  verdict.valid = verdict.problems.length === 0 && verdict.cms.signatureValid;
  return verdict;
}

interface SignatureField {
  field: PDFDict;
  value: PDFRef;
}

/** Every field (through /Kids) whose type, inherited or its own, is /Sig and that has a value. */
function signatureFields(revision: PdfRevision): SignatureField[] {
  const catalog = revision.dict(revision.trailer.get(PDFName.of("Root")));
  const form = revision.dict(catalog?.get(PDFName.of("AcroForm")));
  const found: SignatureField[] = [];
  const seen = new Set<PDFDict>();
  const walk = (list: PDFArray | null, inheritedType: PDFObject | undefined) => {
    for (const item of list?.asArray() ?? []) {
      const field = revision.dict(item);
      if (field === null || seen.has(field) || seen.size > 10_000) continue;
      seen.add(field);
      const type = field.get(PDFName.of("FT")) ?? inheritedType;
      const value = field.get(PDFName.of("V"));
      if (type === PDFName.of("Sig") && value instanceof PDFRef) found.push({ field, value });
      walk(revision.array(field.get(PDFName.of("Kids"))), type);
    }
  };
  walk(revision.array(form?.get(PDFName.of("Fields"))), undefined);
  return found;
}

/**
 * Describes what the incremental updates after `signed` change: every object whose
 * cross-reference entry differs, by what it is in the final file. Not a judgement of harmless
 * updates: any change after signing makes the verdict invalid, this says what to look at.
 */
function changesAfter(pdf: Uint8Array, signed: PdfRevision, full: PdfRevision): string[] {
  if (full.sections.includes(signed.sections[0] ?? -1) === false) {
    const tail = latin1(pdf.subarray(signed.end)).trim();
    return [tail === "" ? "签名之后有多余的空白" : "签名之后附加了不属于 PDF 结构的数据"];
  }
  const pages = pageNumbers(full);
  const changes = new Set<string>();
  for (const [number, location] of full.entries) {
    const before = signed.entries.get(number);
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(location)) continue;
    const verb = before === undefined ? "新增" : "替换";
    const object = full.lookup(PDFRef.of(number));
    const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : null;
    const type = nameOf(dict?.get(PDFName.of("Type")));
    const subtype = nameOf(dict?.get(PDFName.of("Subtype")));
    const page = pages.get(number);
    if (type === "Page" || page !== undefined) changes.add(`${verb}了第 ${page ?? "?"} 页（页面被改动，签名无效）`);
    else if (type === "Pages") changes.add(`${verb}了页面树（页面被增删或替换，签名无效）`);
    else if (type === "XRef" || type === "ObjStm") continue;
    else if (type === "Sig") changes.add("追加了签名");
    else if (type === "Annot" && subtype === "Widget") changes.add(`${verb}了表单域`);
    else if (type === "Annot" || (subtype !== null && ANNOTATIONS.has(subtype)))
      changes.add(`${verb}了批注（${subtype ?? "未知类型"}），可能遮盖页面内容`);
    else if (dict?.get(PDFName.of("FT")) !== undefined || dict?.get(PDFName.of("Fields")) !== undefined) changes.add(`${verb}了表单域`);
    else if (type === "Catalog") changes.add(`${verb}了文档目录（Catalog）`);
    else if (object instanceof PDFRawStream && type !== "Metadata")
      changes.add(`${verb}了页面内容、字体或图像（对象 ${number}，签名无效）`);
    else changes.add(`${verb}了对象 ${number}`);
  }
  return changes.size > 0 ? [...changes] : ["签名之后追加了一个不改动任何对象的增量更新"];
}

const ANNOTATIONS = new Set(["Square", "FreeText", "Text", "Stamp", "Ink", "Link", "Highlight", "Circle", "Polygon", "Line"]);

/** Object number → 1-based page number, through the page tree of `revision`. */
function pageNumbers(revision: PdfRevision): Map<number, number> {
  const numbers = new Map<number, number>();
  const catalog = revision.dict(revision.trailer.get(PDFName.of("Root")));
  const visit = (node: PDFObject | undefined, depth: number) => {
    if (!(node instanceof PDFRef) || depth > 64 || numbers.size > 100_000) return;
    const dict = revision.dict(node);
    const kids = revision.array(dict?.get(PDFName.of("Kids")));
    if (kids === null) numbers.set(node.objectNumber, numbers.size + 1);
    else for (const kid of kids.asArray()) visit(kid, depth + 1);
  };
  visit(catalog?.get(PDFName.of("Pages")), 0);
  return numbers;
}

function infoOf(revision: PdfRevision): Map<string, string> {
  const info = revision.dict(revision.trailer.get(PDFName.of("Info")));
  const out = new Map<string, string>();
  for (const [key, value] of info?.entries() ?? []) {
    const resolved = revision.resolve(value);
    if (resolved instanceof PDFString || resolved instanceof PDFHexString) out.set(key.decodeText(), resolved.decodeText());
  }
  return out;
}

function byteRange(value: PDFObject | undefined): [number, number, number, number] | null {
  if (!(value instanceof PDFArray) || value.size() !== 4) return null;
  const numbers = value.asArray().map((n) => (n instanceof PDFNumber && Number.isSafeInteger(n.asNumber()) ? n.asNumber() : null));
  return numbers.every((n): n is number => n !== null) ? (numbers as [number, number, number, number]) : null;
}

/** The length of the DER element at the start of `bytes` (header included); null when it is not one. */
function derLength(bytes: Buffer): number | null {
  if (bytes[0] !== 0x30 || bytes.length < 2) return null;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length <= bytes.length ? 2 + count + length : null;
}

/** A PDF date string, D:YYYYMMDDHHmmSS+HH'mm' (PDF 32000-1 §7.9.4). */
function pdfDate(value: PDFObject | undefined): Date | null {
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return null;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value.decodeText());
  if (m === null) return null;
  const [, y, mo = "01", da = "01", h = "00", mi = "00", s = "00", zone = "Z"] = m;
  const offset = zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.replace(/'/g, "").slice(3, 5) || "00"}`;
  const date = new Date(`${y}-${mo}-${da}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function nameOf(value: PDFObject | undefined): string | null {
  return value instanceof PDFName ? value.decodeText() : null;
}

function describe(error: unknown): string {
  return error instanceof PdfStructureError || error instanceof Error ? error.message : String(error);
}
