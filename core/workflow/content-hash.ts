import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import canonicalize from "canonicalize";
import { NianbaoError } from "../errors/nianbao-error";
import type { Report, ReportContent } from "../model/report";

/** The part of a report an approval covers (see ReportContent); a deep copy, safe to freeze. */
export function reportContent(report: Report): ReportContent {
  const { id, template, meta, body, fields, lastYear } = report;
  return JSON.parse(JSON.stringify({ id, template, meta, body, fields, lastYear })) as ReportContent;
}

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of the content. Pure (noble's SHA-256 is plain
 * TypeScript), so core, the host and the renderer compute the same hash without a platform
 * hasher; anyone can recompute it from the .nianbao file with any JCS implementation.
 */
export function contentHash(content: ReportContent): string {
  let canonical: string | undefined;
  try {
    canonical = canonicalize(content);
  } catch (error) {
    const en = error instanceof Error ? error.message : String(error);
    throw new NianbaoError(
      "invalid_input",
      `报告内容含有无法计算摘要的字符（${en}），请检查粘贴的文字。`,
      `the report content cannot be hashed: ${en}`,
    );
  }
  if (canonical === undefined) throw new NianbaoError("internal", "报告内容为空，无法计算摘要。", "nothing to hash");
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

export function reportContentHash(report: Report): string {
  return contentHash(reportContent(report));
}
