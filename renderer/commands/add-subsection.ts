import type { Editor } from "@tiptap/core";
import { toChineseNumeral } from "../../core/text/chinese-numeral";

/** Appends a level-2 heading "（N）" and a paragraph to the part the caret is in. */
export function addSubsection(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  let depth = $from.depth;
  while (depth > 0 && $from.node(depth).type.name !== "part") depth--;
  if (depth === 0) return false;
  const part = $from.node(depth);
  let count = 0;
  part.forEach((child) => {
    if (child.type.name === "heading" && child.attrs["level"] === 2) count++;
  });
  const end = $from.end(depth);
  const numbering = `（${toChineseNumeral(count + 1)}）`;
  return editor
    .chain()
    .insertContentAt(end, [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: numbering }] }, { type: "paragraph" }])
    .setTextSelection(end + 1 + numbering.length)
    .focus()
    .run();
}
