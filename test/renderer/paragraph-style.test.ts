import type { Editor, JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { currentStyle, setParagraphStyle, type ParagraphStyle } from "../../renderer/editor/paragraph-style";
import { destroyTestEditors, keyDown, makeEditor, topLevel } from "./support/report-editor";

const text = (t: string) => [{ type: "text", text: t }];
const h = (level: number, t: string, carried = false): JSONContent => ({ type: "heading", attrs: { level, carried }, content: text(t) });
const p = (t: string, carried = false): JSONContent => ({ type: "paragraph", attrs: { carried }, content: text(t) });
const part = (partId: string | null, blocks: JSONContent[]): JSONContent => ({ type: "part", attrs: { partId }, content: blocks });

function report(): JSONContent {
  return {
    type: "doc",
    content: [
      part("duty", [h(1, "一、第一责任人职责"), p("甲段")]),
      part("measures", [h(1, "二、主要举措和成效"), h(2, "（一）组织领导"), p("乙段", true), h(2, "（二）依法决策"), p("丙段")]),
      part("shortcomings", [h(1, "三、存在的不足"), p("丁段")]),
    ],
  };
}

/** The caret at the end of the first textblock whose text is `wanted`. */
function caretAt(editor: Editor, wanted: string): void {
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found === null && node.isTextblock && node.textContent === wanted) found = pos + node.nodeSize - 1;
    return found === null;
  });
  if (found === null) throw new Error(`no block ${wanted}`);
  editor.commands.setTextSelection(found);
}

function apply(editor: Editor, style: ParagraphStyle): string | null {
  const result = setParagraphStyle(editor.state, style);
  if (!result.ok) return result.reason;
  editor.view.dispatch(result.tr);
  return null;
}

/** Each part as [partId, "h2:（一）…", "p:…"]. */
function outline(editor: Editor): (string | null)[][] {
  return topLevel(editor).map((node) => [
    (node.attrs?.["partId"] as string | null) ?? null,
    ...(node.content ?? []).map(
      (b) => `${b.type === "heading" ? `h${String(b.attrs?.["level"])}` : "p"}:${(b.content ?? []).map((c) => c.text ?? "").join("")}`,
    ),
  ]);
}

describe("paragraph styles", () => {
  afterEach(() => destroyTestEditors());

  it("numbers a new heading after the ones above it and renumbers those after it; 正文 drops the number again", () => {
    const { editor } = makeEditor(report());
    caretAt(editor, "乙段");
    expect(currentStyle(editor.state)).toBe("body");
    expect(apply(editor, 2)).toBeNull();
    expect(currentStyle(editor.state)).toBe(2);
    expect(outline(editor)[1]).toEqual([
      "measures",
      "h1:二、主要举措和成效",
      "h2:（一）组织领导",
      "h2:（二）乙段",
      "h2:（三）依法决策",
      "p:丙段",
    ]);
    expect(apply(editor, 3)).toBeNull();
    expect(outline(editor)[1]).toEqual([
      "measures",
      "h1:二、主要举措和成效",
      "h2:（一）组织领导",
      "h3:1.乙段",
      "h2:（二）依法决策",
      "p:丙段",
    ]);
    expect(apply(editor, "body")).toBeNull();
    expect(outline(editor)[1]).toEqual(["measures", "h1:二、主要举措和成效", "h2:（一）组织领导", "p:乙段", "h2:（二）依法决策", "p:丙段"]);
  });

  it("styles every paragraph a selection touches, numbering them in order", () => {
    const { editor } = makeEditor(report());
    let from = 0;
    let to = 0;
    editor.state.doc.descendants((node, pos) => {
      if (node.textContent === "乙段" && node.isTextblock) from = pos + 1;
      if (node.textContent === "丙段" && node.isTextblock) to = pos + 2;
      return true;
    });
    editor.commands.setTextSelection({ from, to });
    expect(apply(editor, 3)).toBeNull();
    expect(outline(editor)[1]).toEqual([
      "measures",
      "h1:二、主要举措和成效",
      "h2:（一）组织领导",
      "h3:1.乙段",
      "h3:2.依法决策",
      "h3:3.丙段",
    ]);
  });

  it("starts a part of its own for a level-1 heading, and joins it back for 正文; the statutory headings stay", () => {
    const { editor } = makeEditor(report());
    caretAt(editor, "丙段");
    expect(apply(editor, 1)).toBeNull();
    expect(outline(editor)).toEqual([
      ["duty", "h1:一、第一责任人职责", "p:甲段"],
      ["measures", "h1:二、主要举措和成效", "h2:（一）组织领导", "p:乙段", "h2:（二）依法决策"],
      [null, "h1:三、丙段"],
      ["shortcomings", "h1:四、存在的不足", "p:丁段"],
    ]);
    expect(apply(editor, "body")).toBeNull();
    expect(outline(editor)[1]).toEqual(["measures", "h1:二、主要举措和成效", "h2:（一）组织领导", "p:乙段", "h2:（二）依法决策", "p:丙段"]);
    expect(outline(editor)[2]).toEqual(["shortcomings", "h1:三、存在的不足", "p:丁段"]);

    caretAt(editor, "三、存在的不足");
    expect(apply(editor, "body")).toBe("法定部分的一级标题不能更改样式。");
    expect(outline(editor)[2]?.[1]).toBe("h1:三、存在的不足");
  });

  it("gives 正文 on Enter at the end of a heading, and a new paragraph is never carried", () => {
    const { editor } = makeEditor(report(), [], { lastYearWording: new Set(["乙段"]) });
    caretAt(editor, "（一）组织领导");
    keyDown(editor, "Enter");
    editor.commands.insertContent("新写的一段");
    caretAt(editor, "乙段");
    keyDown(editor, "Enter");
    editor.commands.insertContent("又一段");
    const blocks = topLevel(editor)[1]?.content ?? [];
    expect(blocks.slice(1, 5).map((b) => [b.type, b.attrs?.["carried"], (b.content ?? []).map((c) => c.text).join("")])).toEqual([
      ["heading", false, "（一）组织领导"],
      ["paragraph", false, "新写的一段"],
      ["paragraph", true, "乙段"],
      ["paragraph", false, "又一段"],
    ]);
  });

  it("clears 沿用上年 from a carried paragraph once its wording changes", () => {
    const { editor } = makeEditor(report(), [], { lastYearWording: new Set(["乙段"]) });
    caretAt(editor, "乙段");
    editor.commands.insertContent("（已改写）");
    const rewritten = (topLevel(editor)[1]?.content ?? [])[2];
    expect(rewritten?.attrs?.["carried"]).toBe(false);
  });

  it("pastes text and paragraphs without bold or last year's mark", () => {
    const { editor } = makeEditor(report());
    caretAt(editor, "丁段");
    editor.view.pasteHTML('<p data-carried="true"><b style="color:red">加粗的</b>文字</p><h2 data-carried="true">（九）标题<b>粗</b></h2>');
    const blocks = topLevel(editor)[2]?.content ?? [];
    expect(JSON.stringify(blocks)).not.toContain('"carried":true');
    const pasted = blocks.find((b) => (b.content ?? []).some((c) => c.text?.includes("加粗的")));
    expect(pasted?.content?.every((c) => c.marks === undefined)).toBe(true);
  });
});
