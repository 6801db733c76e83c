import { useMemo } from "react";
import type { DocNode, InlineNode } from "../../../core/model/doc";
import { inlineText } from "../../../core/doc/inline-text";
import type { Template } from "../../../core/model/template";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";

interface OutlinePart {
  index: number;
  heading: string;
  guidance: string | null;
  required: boolean;
  /** Characters of body text under the part (headings excluded). */
  written: number;
}

/** Below this a part counts as not yet written; a single sentence is still a start. */
const COVERED_CHARS = 20;

/** The parts in order, each with the template's guidance and whether it has been written. */
export function OutlinePanel({ store }: { store: ReportStore }) {
  const body = useReportStore(store, (s) => s.body);
  const template = useReportStore(store, (s) => s.template);
  const parts = useMemo(() => outlineParts(body, template), [body, template]);
  return (
    <section className="side-panel" aria-label="大纲">
      <header className="side-panel__header"><h2>大纲</h2></header>
      <ol className="outline">
        {parts.map((part) => {
          const covered = part.written >= COVERED_CHARS;
          return (
            <li key={part.index} className="outline__part">
              <button type="button" className="outline__jump" onClick={() => jumpToPart(part.index)}>
                <span className={covered ? "coverage coverage--done" : "coverage"} aria-label={covered ? "已撰写" : "待撰写"}>{covered ? "✓" : "○"}</span>
                {part.heading}
              </button>
              {part.guidance !== null && (
                <details className="outline__guidance">
                  <summary>写作提示{part.required ? "（法定部分）" : ""}</summary>
                  <p>{part.guidance}</p>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function outlineParts(body: DocNode, template: Template): OutlinePart[] {
  const text = (content: readonly InlineNode[] | undefined) => inlineText(content, () => "0");
  const result: OutlinePart[] = [];
  body.content.forEach((node, index) => {
    if (node.type !== "part") return;
    const templatePart = template.parts.find((p) => p.id === node.attrs.partId);
    const [first, ...rest] = node.content;
    const written = rest.reduce((n, block) => n + (block.type === "paragraph" ? text(block.content).trim().length : 0), 0);
    result.push({
      index,
      heading: first?.type === "heading" ? text(first.content) : "",
      guidance: templatePart?.guidance ?? null,
      required: templatePart?.required ?? false,
      written,
    });
  });
  return result;
}

function jumpToPart(index: number): void {
  const editor = useSessionStore.getState().editor;
  if (editor === null) return;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += editor.state.doc.child(i).nodeSize;
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: "start", behavior: "smooth" });
  editor.chain().setTextSelection(pos + 2).focus().run();
}
