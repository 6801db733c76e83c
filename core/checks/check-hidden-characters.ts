import type { CheckContext } from "./check-context";
import { at, type Finding, type ReportPath } from "./finding";

/**
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) reorder what a
 * reader sees without showing themselves: 第2023年 can display as another text than the one
 * printed, signed or compared. Chinese reports never need them.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Half of a surrogate pair without its other half: no character at all, printed as a box or lost on export. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const META_LABELS: Readonly<Record<string, string>> = {
  title: "标题",
  recipient: "主送机关",
  org: "发文机关",
  docNumber: "发文字号",
  issuer: "签发人",
  note: "附注",
};

/** CHAR-BIDI and CHAR-SURROGATE: invisible direction controls and broken characters in the report's text. */
export function checkHiddenCharacters({ report, blocks }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const meta = report.meta as Readonly<Record<string, unknown>>;
  for (const [key, label] of Object.entries(META_LABELS)) {
    const value = meta[key];
    if (typeof value === "string") findings.push(...scan(value, label, null, ["meta", key], false));
  }
  report.meta.attachments.forEach((a, i) =>
    findings.push(...scan(a.title, `附件${i + 1}标题`, null, ["meta", "attachments", i, "title"], false)),
  );
  for (const field of Object.values(report.fields)) findings.push(...scan(field.label, `字段“${field.id}”的名称`, null, null, false));
  for (const block of blocks) {
    for (const piece of block.pieces) {
      if (piece.type === "text")
        findings.push(...scan(piece.text, block.kind === "heading" ? "标题行" : "正文", block.part, piece.path, true));
    }
  }
  return findings;
}

function scan(
  text: string,
  where: string,
  part: CheckContext["blocks"][number]["part"],
  path: ReportPath | null,
  fixable: boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(BIDI)) {
    const code = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    findings.push({
      id: "CHAR-BIDI",
      severity: "warning",
      message: `${where}中有不可见的文字方向控制符 U+${code}，会改变文字的显示顺序，使看到的与打印、签发的内容不一致，请删去。`,
      location: at(part, path),
      ...(fixable && path !== null
        ? { fix: { type: "replaceText" as const, path, offset: m.index, from: m[0], to: "", label: `删去 U+${code}` } }
        : {}),
    });
  }
  for (const m of text.matchAll(LONE_SURROGATE)) {
    findings.push({
      id: "CHAR-SURROGATE",
      severity: "warning",
      message: `${where}中有残缺的字符（孤立的代理码元 U+${m[0].charCodeAt(0).toString(16).toUpperCase()}），导出时会显示为方框或丢失，请重新输入该处文字。`,
      location: at(part, path),
      ...(fixable && path !== null
        ? { fix: { type: "replaceText" as const, path, offset: m.index, from: m[0], to: "", label: "删去残缺的字符" } }
        : {}),
    });
  }
  return findings;
}
