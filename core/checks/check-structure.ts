import type { PartNode } from "../model/doc";
import type { CheckContext } from "./check-context";
import { at, type Finding } from "./finding";

/** The statutory parts (厅字〔2019〕28号 items, lint CONT-01): present, written, in the template's order. */
export function checkStructure({ report, template }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const parts = report.body.content
    .map((node, index) => ({ node, index }))
    .filter((p): p is { node: PartNode; index: number } => p.node.type === "part");
  for (const part of template.parts) {
    const found = parts.filter((p) => p.node.attrs.partId === part.id);
    const name = part.heading.replace(/\{(year|nextYear)\}年/g, "");
    if (found.length === 0) {
      if (part.required)
        findings.push({
          id: "PART-MISSING",
          severity: "error",
          message: `缺少法定部分“${name}”（${template.basis}要求报告此项）`,
          location: at(part.id),
        });
      continue;
    }
    if (found.length > 1) {
      findings.push({
        id: "PART-DUPLICATE",
        severity: "warning",
        message: `“${name}”出现了 ${found.length} 次，请合并`,
        location: at(part.id, ["body", "content", found[1]?.index ?? 0]),
      });
    }
    for (const { node, index } of found) {
      if (isEmptyPart(node)) {
        findings.push({
          id: "PART-EMPTY",
          severity: part.required ? "error" : "warning",
          message: `“${name}”只有标题，尚未填写内容`,
          location: at(part.id, ["body", "content", index]),
        });
      }
    }
  }
  const order = template.parts.map((p) => p.id);
  let lastRank = -1;
  for (const { node, index } of parts) {
    const id = node.attrs.partId;
    if (id === null) continue;
    const rank = order.indexOf(id);
    if (rank < lastRank) {
      findings.push({
        id: "PART-ORDER",
        severity: "warning",
        message: `各部分顺序与模板不一致：“${template.parts[rank]?.heading.replace(/\{(year|nextYear)\}年/g, "") ?? id}”应排在更前面`,
        location: at(id, ["body", "content", index]),
      });
    }
    lastRank = Math.max(lastRank, rank);
  }
  return findings;
}

function isEmptyPart(part: PartNode): boolean {
  return part.content.slice(1).every((block) => {
    if (block.type === "table") return false;
    if (block.type === "heading") return true;
    return (block.content ?? []).every((n) => n.type === "hardBreak" || (n.type === "text" && n.text.trim() === ""));
  });
}
