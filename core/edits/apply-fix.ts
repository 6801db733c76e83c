import { Report } from "../model/report";
import type { Fix } from "../checks/finding";

export type ApplyFixResult = { ok: true; report: Report } | { ok: false; zh: string; en: string };

/**
 * A report with one automatic fix applied. A fix whose text no longer matches (the clerk edited
 * the paragraph since the check ran) is refused rather than applied to the wrong words.
 */
export function applyFix(report: Report, fix: Fix): ApplyFixResult {
  const copy: unknown = JSON.parse(JSON.stringify(report));
  if (fix.type === "setRecipient") return validated({ ...(copy as Report), meta: { ...report.meta, recipient: fix.value } });
  if (fix.type === "setFieldValue") {
    const field = report.fields[fix.fieldId];
    if (!field) return stale(`字段“${fix.fieldId}”已不存在`, `field ${fix.fieldId} no longer exists`);
    return validated({ ...(copy as Report), fields: { ...report.fields, [fix.fieldId]: { ...field, value: fix.value } } });
  }
  if (fix.type === "setWrittenFrame") {
    const field = report.fields[fix.fieldId];
    if (field?.written === undefined) return stale(`字段“${fix.fieldId}”已不存在`, `field ${fix.fieldId} no longer exists`);
    return validated({
      ...(copy as Report),
      fields: { ...report.fields, [fix.fieldId]: { ...field, written: { ...field.written, frame: fix.frame } } },
    });
  }
  const node = follow(copy, fix.path);
  if (!isTextNode(node)) return stale("要修改的文字已不存在", "the text to fix no longer exists");
  if (node.text.slice(fix.offset, fix.offset + fix.from.length) !== fix.from)
    return stale("文字已被修改，请重新检查", "the text has changed since the check; check again");
  node.text = node.text.slice(0, fix.offset) + fix.to + node.text.slice(fix.offset + fix.from.length);
  return validated(copy);
}

function follow(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function isTextNode(node: unknown): node is { type: "text"; text: string } {
  return (
    typeof node === "object" &&
    node !== null &&
    (node as { type?: unknown }).type === "text" &&
    typeof (node as { text?: unknown }).text === "string"
  );
}

function validated(candidate: unknown): ApplyFixResult {
  const parsed = Report.safeParse(candidate);
  return parsed.success
    ? { ok: true, report: parsed.data }
    : stale("修改后报告无效，未应用", "the fix would make the report invalid; not applied");
}

function stale(zh: string, en: string): ApplyFixResult {
  return { ok: false, zh, en };
}
