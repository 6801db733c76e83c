import { useMemo } from "react";
import type { BlockNode } from "../../../core/model/doc";
import { inlineText } from "../../../core/doc/inline-text";
import type { PartProgress } from "../../../core/inspect/report-analysis";
import type { Template } from "../../../core/model/template";
import { isEditable } from "../../../core/workflow/assert-editable";
import { showPartHeading } from "../../editor/locate";
import { markPartReviewed } from "../../editor/review-marks";
import { useReportAnalysis } from "../../state/report-analysis";
import { useReportStore, type ReportStore } from "../../state/report-store";
import { useSessionStore } from "../../state/session-store";
import { useUiStore } from "../../state/ui-store";

/** Below this a part counts as not yet written; a single sentence is still a start. */
const COVERED_CHARS = 20;

/** The parts in order, each with the template's guidance, how far it is written and how much is still last year's. */
export function OutlinePanel({ store }: { store: ReportStore }) {
  const template = useReportStore(store, (s) => s.template);
  const editable = useReportStore(store, (s) => isEditable(s.report));
  // Measured off the main thread with the checks (core/inspect/report-analysis.ts).
  const progress = useReportAnalysis(store, (a) => a?.parts ?? null);
  const parts = useMemo(() => outlineParts(store, progress, template), [store, progress, template]);
  return (
    <section className="side-panel" aria-label="大纲">
      <header className="side-panel__header">
        <h2>大纲</h2>
      </header>
      <ol className="outline">
        {parts.map((part) => {
          const covered = part.written !== null && part.written >= COVERED_CHARS;
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

interface OutlinePart extends Omit<PartProgress, "written" | "lastYearShare" | "unreviewed"> {
  guidance: string | null;
  required: boolean;
  /** Null until the first analysis has arrived. */
  written: number | null;
  lastYearShare: number | null;
  unreviewed: number;
}

/**
 * The parts with the template's guidance. Until the first analysis arrives the headings come
 * from the report as opened, so the outline is there from the first paint.
 */
function outlineParts(store: ReportStore, progress: readonly PartProgress[] | null, template: Template): OutlinePart[] {
  const withTemplate = (part: Omit<OutlinePart, "guidance" | "required">): OutlinePart => {
    const templatePart = template.parts.find((p) => p.id === part.partId);
    return { ...part, guidance: templatePart?.guidance ?? null, required: templatePart?.required ?? false };
  };
  if (progress !== null) return progress.map(withTemplate);
  return store
    .getState()
    .body.content.flatMap((node, index) =>
      node.type === "part"
        ? [{ index, partId: node.attrs.partId, heading: headingText(node.content[0]), written: null, lastYearShare: null, unreviewed: 0 }]
        : [],
    )
    .map(withTemplate);
}

function headingText(block: BlockNode | undefined): string {
  return block?.type === "heading" ? inlineText(block.content, () => "0") : "";
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
