import { afterEach, describe, expect, it } from "vitest";
import { DocNode } from "../../core/model/doc";
import { docWithParagraph, field, firstParagraphInline, keyDown, makeEditor, topLevel, type TestEditor } from "./support/report-editor";

const accepted = field({ id: "accepted", value: "360000", scale: "万", qualifier: "超", status: "confirmed" });
const share = field({ id: "share", label: "占全区总量", kind: "ratio", value: "26", unit: "%", qualifier: "约" });

let current: TestEditor | null = null;
afterEach(() => current?.editor.destroy());

function open(inline: Parameters<typeof docWithParagraph>[0], fields = [accepted, share]) {
  current = makeEditor(docWithParagraph(inline), fields);
  return current;
}

function paragraphText(t: TestEditor): string {
  return t.editor.state.doc.child(0).child(1).textContent;
}

describe("the field node in the editor", () => {
  it("inserts by command and round-trips through JSON, HTML and plain text", () => {
    const { editor } = open([{ type: "text", text: "全年受理审批服务事项" }]);
    editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize - 2);
    editor.chain().insertReportField("accepted").insertContent("，占全区总量").insertReportField("share").insertContent("。").run();

    const json = editor.getJSON();
    expect(DocNode.safeParse(json).success).toBe(true);
    const paragraph = firstParagraphInline(editor);
    expect(paragraph.filter((n) => n.type === "reportField").map((n) => n.attrs?.["fieldId"])).toEqual(["accepted", "share"]);

    expect(editor.getText()).toContain("全年受理审批服务事项超36万件，占全区总量约26%。");
    const html = editor.getHTML();
    expect(html).toContain('<span data-type="report-field" data-field-id="accepted">超36万件</span>');

    const again = makeEditor({ type: "doc", content: [] }, [accepted, share]);
    again.editor.commands.setContent(html);
    expect(again.editor.getJSON()).toEqual(json);
    again.editor.destroy();
  });

  it("shows the current value after a field edit without touching the document", () => {
    const t = open([{ type: "reportField", attrs: { fieldId: "accepted" } }]);
    const before = t.editor.state.doc;
    t.store.getState().updateField("accepted", { value: "412000", scale: "万", qualifier: "超" });
    expect(t.editor.state.doc).toBe(before);
    expect(t.editor.getText()).toContain("超41万件");
    expect(t.store.getState().status).toBe("dirty");
  });

  it("copies as the formatted numbers, in plain text and in HTML for Word or WPS", () => {
    const t = open([
      { type: "text", text: "受理" },
      { type: "reportField", attrs: { fieldId: "accepted" } },
      { type: "text", text: "，占" },
      { type: "reportField", attrs: { fieldId: "share" } },
    ]);
    const paragraph = t.editor.state.doc.child(0).child(1);
    const from = t.editor.state.doc.child(0).child(0).nodeSize + 2;
    // Copy works on the selection, as when the clerk selects the sentence and presses Ctrl+C.
    t.editor.commands.setTextSelection({ from, to: from + paragraph.content.size });
    const { text, dom } = t.editor.view.serializeForClipboard(t.editor.state.selection.content());
    expect(text).toBe("受理超36万件，占约26%");
    expect(dom.innerHTML).toContain('data-field-id="share">约26%</span>');
  });

  it("turns chips pasted from another report into the text they showed, and keeps known ones", () => {
    const t = open([{ type: "text", text: "前" }]);
    t.editor.commands.setTextSelection(t.editor.state.doc.child(0).nodeSize - 2);
    t.editor.view.pasteHTML(
      '<p>占比<span data-type="report-field" data-field-id="elsewhere">约30%</span>，受理<span data-type="report-field" data-field-id="accepted">超36万件</span></p>',
    );
    const inline = firstParagraphInline(t.editor);
    expect(inline.filter((n) => n.type === "reportField").map((n) => n.attrs?.["fieldId"])).toEqual(["accepted"]);
    expect(paragraphText(t)).toContain("占比约30%，受理");
  });

  it("deletes exactly the field with Backspace after it and Delete before it", () => {
    const t = open([
      { type: "text", text: "共" },
      { type: "reportField", attrs: { fieldId: "accepted" } },
      { type: "text", text: "，同比" },
    ]);
    const start = t.editor.state.doc.child(0).child(0).nodeSize + 2;
    t.editor.commands.setTextSelection(start + 2);
    expect(keyDown(t.editor, "Backspace")).toBe(true);
    expect(t.editor.getText()).toContain("共，同比");
    expect(firstParagraphInline(t.editor).some((n) => n.type === "reportField")).toBe(false);

    const u = open([
      { type: "text", text: "共" },
      { type: "reportField", attrs: { fieldId: "accepted" } },
    ]);
    u.editor.commands.setTextSelection(u.editor.state.doc.child(0).child(0).nodeSize + 3);
    expect(keyDown(u.editor, "Delete")).toBe(true);
    expect(paragraphText(u)).toBe("共");
  });

  it("deletes a single character between two fields without taking a field with it", () => {
    const t = open([
      { type: "reportField", attrs: { fieldId: "accepted" } },
      { type: "text", text: "和" },
      { type: "reportField", attrs: { fieldId: "share" } },
    ]);
    const paraStart = t.editor.state.doc.child(0).child(0).nodeSize + 2;
    t.editor.commands.setTextSelection(paraStart + 2);
    expect(keyDown(t.editor, "Backspace")).toBe(true);
    const inline = firstParagraphInline(t.editor);
    expect(inline.map((n) => n.type)).toEqual(["reportField", "reportField"]);
  });

  it("does not let select-all and Delete remove the statutory parts", () => {
    const t = open([{ type: "text", text: "正文" }]);
    t.editor.commands.selectAll();
    t.editor.commands.deleteSelection();
    expect(
      topLevel(t.editor)
        .filter((n) => n.type === "part")
        .map((n) => n.attrs?.["partId"]),
    ).toEqual(["measures"]);
    expect(t.blocked).toEqual(["part"]);
  });
});

describe("IME composition next to fields", () => {
  it("leaves a paste of unknown chips alone while composing and keeps every composed character", () => {
    const t = open([
      { type: "text", text: "今年" },
      { type: "reportField", attrs: { fieldId: "accepted" } },
    ]);
    const view = t.editor.view;
    t.editor.commands.setTextSelection(t.editor.state.doc.child(0).nodeSize - 2);
    view.dom.dispatchEvent(new CompositionEvent("compositionstart", { data: "" }));
    expect(view.composing).toBe(true);
    const end = t.editor.state.doc.child(0).nodeSize - 2;
    const foreign = t.editor.schema.nodes["reportField"]?.create({ fieldId: "elsewhere" });
    if (foreign === undefined) throw new Error("schema has no reportField");
    view.dispatch(view.state.tr.insert(end, foreign).setMeta("uiEvent", "paste"));
    // The hygiene plugin must not rewrite the document under an open composition.
    expect(
      firstParagraphInline(t.editor)
        .map((n) => n.attrs?.["fieldId"])
        .filter(Boolean),
    ).toEqual(["accepted", "elsewhere"]);
    for (const chunk of ["法", "治", "政府"]) {
      const at = t.editor.state.selection.from;
      view.dispatch(view.state.tr.insertText(chunk, at));
    }
    view.dom.dispatchEvent(new CompositionEvent("compositionend", { data: "法治政府" }));
    expect(paragraphText(t)).toContain("法治政府");
  });
});

describe("keyboard access to a chip", () => {
  it("opens the field's popover with Enter when the chip is selected", () => {
    const opened: string[] = [];
    const t = makeEditor(
      docWithParagraph([
        { type: "text", text: "共" },
        { type: "reportField", attrs: { fieldId: "accepted" } },
      ]),
      [accepted],
      {
        openField: (fieldId) => opened.push(fieldId),
      },
    );
    current = t;
    const chipPos = t.editor.state.doc.child(0).child(0).nodeSize + 3;
    t.editor.commands.setNodeSelection(chipPos);
    expect(keyDown(t.editor, "Enter")).toBe(true);
    expect(opened).toEqual(["accepted"]);
    expect(firstParagraphInline(t.editor).map((n) => n.type)).toEqual(["text", "reportField"]);
  });
});
