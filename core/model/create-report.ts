import type { BlockNode, DocNode, PartNode } from "./doc";
import type { CoreDeps } from "./deps";
import { LayoutProfile } from "./layout-profile";
import { Report, SCHEMA_VERSION } from "./report";
import type { Template } from "./template";
import { fillTemplateText } from "./template-text";
import { toChineseNumeral } from "../text/chinese-numeral";

export interface NewReportOptions {
  org: string;
  year: number;
  /** Include optional parts (其他需要报告的情况) too. */
  includeOptional?: boolean;
}

/** A blank report with the template's statutory parts in order, ready to write into. */
export function createReport(template: Template, options: NewReportOptions, deps: CoreDeps): Report {
  const now = deps.now();
  const parts = template.parts.filter((part) => part.required || options.includeOptional === true);
  const body: DocNode = {
    type: "doc",
    content: parts.map((part, index): PartNode => {
      const blocks: BlockNode[] = [heading(1, `${toChineseNumeral(index + 1)}、${fillTemplateText(part.heading, options)}`)];
      if (part.subsections.length === 0) blocks.push(emptyParagraph());
      part.subsections.forEach((sub, subIndex) => {
        blocks.push(heading(2, `（${toChineseNumeral(subIndex + 1)}）${fillTemplateText(sub.heading, options)}`));
        blocks.push(emptyParagraph());
      });
      return { type: "part", attrs: { partId: part.id }, content: blocks };
    }),
  };
  return Report.parse({
    schemaVersion: SCHEMA_VERSION,
    id: deps.newId(),
    template: { id: template.id, version: template.version },
    meta: {
      title: fillTemplateText(template.title, options),
      recipient: null,
      org: options.org,
      reportYear: options.year,
      date: null,
      docNumber: null,
      profile: LayoutProfile.parse({}),
    },
    body,
    fields: {},
    lastYear: null,
    workflow: {
      state: "draft",
      revision: 1,
      events: [
        { action: "create", from: null, to: "draft", person: "", role: null, at: now, comment: null, contentHash: null, revision: 1 },
      ],
    },
    createdAt: now,
    updatedAt: now,
  });
}

function heading(level: 1 | 2, text: string): BlockNode {
  return { type: "heading", attrs: { level, carried: false }, content: [{ type: "text", text }] };
}

function emptyParagraph(): BlockNode {
  return { type: "paragraph", attrs: { carried: false } };
}
