import { afterEach, describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { cachedDocJson } from "../../renderer/editor/doc-json";
import { destroyTestEditors, makeEditor } from "./support/report-editor";

afterEach(destroyTestEditors);

const part = (partId: string, texts: string[]): JSONContent => ({
  type: "part",
  attrs: { partId },
  content: [
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: `标题${partId}` }] },
    ...texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
  ],
});

describe("the document's JSON as the store and the recovery copy read it", () => {
  it("is ProseMirror's own JSON after every edit, and converts again only the blocks an edit touched", () => {
    const { editor } = makeEditor({ type: "doc", content: [part("leadership", ["第一段", "第二段"]), part("shortcomings", ["第三段"])] });
    const json = cachedDocJson();
    const before = json(editor.state.doc);
    expect(before).toEqual(editor.state.doc.toJSON());

    // Type into the first paragraph of the first part.
    const inFirst = (editor.state.doc.firstChild?.firstChild?.nodeSize ?? 0) + 3;
    editor.commands.insertContentAt(inFirst, "改");
    const after = json(editor.state.doc);
    expect(after).toEqual(editor.state.doc.toJSON());
    expect(JSON.stringify(after)).toContain("第改一段");
    // The untouched part, and the untouched blocks of the edited part, are the same objects.
    expect(after.content?.[1]).toBe(before.content?.[1]);
    expect(after.content?.[0]?.content?.[0]).toBe(before.content?.[0]?.content?.[0]);
    expect(after.content?.[0]?.content?.[2]).toBe(before.content?.[0]?.content?.[2]);
    expect(after.content?.[0]?.content?.[1]).not.toBe(before.content?.[0]?.content?.[1]);
  });
});
