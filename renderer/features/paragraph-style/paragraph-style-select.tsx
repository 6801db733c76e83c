import { useEditorState } from "@tiptap/react";
import { applyParagraphStyle } from "../../commands/paragraph-style-command";
import { currentStyle, PARAGRAPH_STYLES, type ParagraphStyle } from "../../editor/paragraph-style";
import { useSessionStore } from "../../state/session-store";

const VALUE_OF = (style: ParagraphStyle | null) => (style === null ? "" : String(style));

/** The toolbar's style list (正文, 一级标题 …), showing the style of the paragraph at the caret. */
export function ParagraphStyleSelect() {
  const editor = useSessionStore((s) => s.editor);
  const state = useEditorState({
    editor,
    selector: ({ editor: ed }) =>
      ed === null ? { style: null, editable: false } : { style: currentStyle(ed.state), editable: ed.isEditable },
  });
  const style = state?.style ?? null;
  return (
    <select
      className="toolbar__style"
      aria-label="段落样式"
      title="段落样式（Ctrl+Alt+0 正文，Ctrl+Alt+1…4 一至四级标题）"
      value={VALUE_OF(style)}
      disabled={editor === null || state?.editable !== true || style === null}
      onChange={(event) => {
        const chosen = PARAGRAPH_STYLES.find((s) => VALUE_OF(s.style) === event.target.value);
        if (editor !== null && chosen !== undefined) applyParagraphStyle(editor, chosen.style);
      }}
    >
      {style === null && <option value="">—</option>}
      {PARAGRAPH_STYLES.map((s) => (
        <option key={s.label} value={VALUE_OF(s.style)}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
