import { useDeferredValue, useMemo } from "react";
import type { DocNode, InlineNode } from "../../../core/model/doc";
import { inlineText } from "../../../core/doc/inline-text";
import { lastYearWording, wording } from "../../../core/compare/carried-wording";
import type { Template } from "../../../core/model/template";
import { isEditable } from "../../../core/workflow/assert-editable";
import { showPartHeading } from "../../editor/locate";
import { markPartReviewed } from "../../editor/review-marks";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";

interface OutlinePart {
  index: number;
  heading: string;
  guidance: string | null;
  required: boolean;
  /** Characters of body text under the part (headings excluded). */
  written: number;
  /**
   * Share of the part's paragraph text still worded exactly as a paragraph of last year's
   * (numbers in chips aside); null without a last-year report. Exact matches only: the full
   * comparison (上年对照) takes seconds on a long report, too slow to follow every edit.
   */
  lastYearShare: number | null;
  /** Carried paragraphs nobody has rewritten or marked 已审阅. */
  unreviewed: number;
}

/** Below this a part counts as not yet written; a single sentence is still a start. */
const COVERED_CHARS = 20;

/** The parts in order, each with the template's guidance, how far it is written and how much is still last year's. */
export function OutlinePanel({ store }: { store: ReportStore }) {
  const body = useDeferredValue(useReportStore(store, (s) => s.body));
  const template = useReportStore(store, (s) => s.template);
  const lastYear = useReportStore(store, (s) => s.report.lastYear);
  const editable = useReportStore(store, (s) => isEditable(s.report));
  const lastWording = useMemo(() => (lastYear === null ? null : lastYearWording(lastYear.body)), [lastYear]);
  const parts = useMemo(() => outlineParts(body, template, lastWording), [body, template, lastWording]);
  return (
    <section className="side-panel" aria-label="大纲">
      <header className="side-panel__header">
        <h2>大纲</h2>
      </header>
      <ol className="outline">
        {parts.map((part) => {
          const covered = part.written >= COVERED_CHARS;
          return (
            <li key={part.index} className="outline__part">
              <button type="button" className="outline__jump" onClick={() => jumpToPart(part.index)}>
                <span className={covered ? "coverage coverage--done" : "coverage"} aria-label={covered ? "已撰写" : "待撰写"}>
                  {covered ? "●" : "○"}
                </span>
                {part.heading}
              </button>
              {part.lastYearShare !== null && (
                <div className="outline__carried">
                  <span className="carried-meter" aria-hidden="true">
                    <span style={{ width: `${Math.round(part.lastYearShare * 100)}%` }} />
                  </span>
                  <span>上年原文 {Math.round(part.lastYearShare * 100)}%</span>
                  <span className={part.unreviewed > 0 ? "outline__unreviewed" : "muted"}>
                    {part.unreviewed > 0 ? `待审阅 ${part.unreviewed} 段` : "已审阅"}
                  </span>
                  {part.unreviewed > 0 && editable && (
                    <button type="button" className="outline__review" onClick={() => reviewPart(part.index, part.heading)}>
                      本部分全部已审阅
                    </button>
                  )}
                </div>
              )}
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

function outlineParts(body: DocNode, template: Template, lastWording: ReadonlySet<string> | null): OutlinePart[] {
  const text = (content: readonly InlineNode[] | undefined) => inlineText(content, () => "0");
  const result: OutlinePart[] = [];
  body.content.forEach((node, index) => {
    if (node.type !== "part") return;
    const templatePart = template.parts.find((p) => p.id === node.attrs.partId);
    const [first, ...rest] = node.content;
    const written = rest.reduce((n, block) => n + (block.type === "paragraph" ? text(block.content).trim().length : 0), 0);
    const unreviewed = rest.filter(
      (block) =>
        block.type !== "table" && block.attrs.carried && wording(block.content) !== "" && lastWording?.has(wording(block.content)) === true,
    ).length;
    let total = 0;
    let same = 0;
    for (const block of rest) {
      if (block.type !== "paragraph") continue;
      const words = wording(block.content);
      total += words.length;
      if (lastWording?.has(words) === true) same += words.length;
    }
    result.push({
      index,
      heading: first?.type === "heading" ? text(first.content) : "",
      guidance: templatePart?.guidance ?? null,
      required: templatePart?.required ?? false,
      written,
      lastYearShare: lastWording === null ? null : total === 0 ? 0 : same / total,
      unreviewed,
    });
  });
  return result;
}

function jumpToPart(index: number): void {
  const editor = useSessionStore.getState().editor;
  if (editor !== null) showPartHeading(editor, index);
}

/** 本部分全部已审阅: one edit, so 撤销 (Ctrl+Z) takes it back. */
function reviewPart(index: number, heading: string): void {
  const editor = useSessionStore.getState().editor;
  if (editor === null || !editor.isEditable) return;
  const { tr, cleared } = markPartReviewed(editor.state, index);
  if (cleared === 0) return;
  editor.view.dispatch(tr);
  // The caret goes back to the text so that Ctrl+Z reaches the editor's undo.
  editor.view.focus();
  useUiStore.getState().notify("info", `已将“${heading}”中的 ${cleared} 段标为已审阅。撤销请按 Ctrl+Z。`);
}
