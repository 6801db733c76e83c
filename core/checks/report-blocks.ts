import type { HeadingLevel, HeadingNode, InlineNode, ParagraphNode, TableRowNode } from "../model/doc";
import type { PartId } from "../model/part-id";
import type { Report } from "../model/report";
import { MISSING_FIELD_TEXT, type FieldTextResolver } from "../doc/inline-text";
import type { ReportPath } from "./finding";

/** One inline piece of a block, with its offset in the block's resolved text. */
export type Piece =
  | { type: "text"; text: string; start: number; path: ReportPath; runInLevel: 2 | 3 | 4 | null }
  | { type: "field"; fieldId: string; show: "value" | "yoy"; text: string; start: number; path: ReportPath };

/** A heading or paragraph (also inside table cells) with its text resolved, as the checks see it. */
export interface TextBlock {
  kind: "heading" | "paragraph";
  /** Heading level; null for paragraphs. */
  level: HeadingLevel | null;
  part: PartId | null;
  partIndex: number;
  path: ReportPath;
  text: string;
  pieces: Piece[];
  carried: boolean;
  inTable: boolean;
}

/** Every text block of the body in document order. */
export function reportBlocks(report: Report, resolve: FieldTextResolver): TextBlock[] {
  const blocks: TextBlock[] = [];
  let partIndex = -1;
  const push = (node: ParagraphNode | HeadingNode, part: PartId | null, path: ReportPath, inTable: boolean) => {
    const { text, pieces } = resolvePieces(node.content, resolve, [...path, "content"]);
    blocks.push({
      kind: node.type,
      level: node.type === "heading" ? node.attrs.level : null,
      part,
      partIndex,
      path,
      text,
      pieces,
      carried: node.attrs.carried,
      inTable,
    });
  };
  report.body.content.forEach((node, i) => {
    const path: ReportPath = ["body", "content", i];
    if (node.type === "paragraph") push(node, null, path, false);
    else if (node.type === "table") pushTable(node.content, null, path);
    else {
      partIndex++;
      node.content.forEach((block, j) => {
        const blockPath: ReportPath = [...path, "content", j];
        if (block.type === "table") pushTable(block.content, node.attrs.partId, blockPath);
        else push(block, node.attrs.partId, blockPath, false);
      });
    }
  });
  return blocks;

  function pushTable(rows: readonly TableRowNode[], part: PartId | null, path: ReportPath) {
    rows.forEach((row, r) =>
      row.content.forEach((cell, c) =>
        cell.content.forEach((paragraph, p) => push(paragraph, part, [...path, "content", r, "content", c, "content", p], true)),
      ),
    );
  }
}

function resolvePieces(
  content: readonly InlineNode[] | undefined,
  resolve: FieldTextResolver,
  path: ReportPath,
): { text: string; pieces: Piece[] } {
  let text = "";
  const pieces: Piece[] = [];
  (content ?? []).forEach((node, k) => {
    const nodePath = [...path, k];
    if (node.type === "text") {
      const runIn = node.marks?.find((m) => m.type === "runInHeading");
      pieces.push({
        type: "text",
        text: node.text,
        start: text.length,
        path: nodePath,
        runInLevel: runIn?.type === "runInHeading" ? runIn.attrs.level : null,
      });
      text += node.text;
    } else if (node.type === "hardBreak") {
      text += "\n";
    } else {
      const shown = resolve(node.attrs.fieldId, node.attrs.show) ?? MISSING_FIELD_TEXT;
      pieces.push({ type: "field", fieldId: node.attrs.fieldId, show: node.attrs.show, text: shown, start: text.length, path: nodePath });
      text += shown;
    }
  });
  return { text, pieces };
}

/** The text piece (and offset inside it) holding a character of a block's resolved text. */
export function pieceAt(block: TextBlock, offset: number): { piece: Extract<Piece, { type: "text" }>; local: number } | undefined {
  for (const piece of block.pieces) {
    if (piece.type === "text" && offset >= piece.start && offset < piece.start + piece.text.length)
      return { piece, local: offset - piece.start };
  }
  return undefined;
}

/** Where each field first appears in the text. */
export function firstFieldUses(blocks: readonly TextBlock[]): Map<string, { part: PartId | null; path: ReportPath }> {
  const uses = new Map<string, { part: PartId | null; path: ReportPath }>();
  for (const block of blocks) {
    for (const piece of block.pieces)
      if (piece.type === "field" && !uses.has(piece.fieldId)) uses.set(piece.fieldId, { part: block.part, path: piece.path });
  }
  return uses;
}
