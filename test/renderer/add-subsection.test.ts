import { describe, expect, it } from "vitest";
import { addSubsection } from "../../renderer/commands/add-subsection";
import { docWithParagraph, makeEditor, topLevel } from "./support/report-editor";

describe("添加小节", () => {
  it("appends the next numbered level-2 heading and a paragraph to the part holding the caret", () => {
    const { editor } = makeEditor(docWithParagraph([{ type: "text", text: "正文" }]));
    editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 2);
    expect(addSubsection(editor)).toBe(true);
    expect(addSubsection(editor)).toBe(true);
    const blocks = topLevel(editor)[0]?.content ?? [];
    const level2 = blocks.filter((b) => b.type === "heading" && b.attrs?.["level"] === 2).map((b) => b.content?.[0]?.text);
    expect(level2).toEqual(["（一）", "（二）"]);
    expect(blocks.at(-1)?.type).toBe("paragraph");
    editor.commands.insertContent("加强组织领导");
    expect(editor.getText()).toContain("（二）加强组织领导");
    editor.destroy();
  });
});
