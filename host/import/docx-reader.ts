import { strFromU8 } from "fflate";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { ImportNotice } from "../../core/import/import-notice";
import type { SourceBlockInput, SourceParagraphInput, SourceRun } from "../../core/import/source-block";
import { readNumbering } from "./docx-numbering";
import { applyParagraphProp, applyRunProp, readStyles, type ParagraphProps, type RunProps, type StyleSheet } from "./docx-styles";
import { parseXml } from "./parse-xml";
import { openBoundedZip } from "./bounded-zip";
import { InputBudget } from "./input-budget";

export interface DocxContent {
  blocks: SourceBlockInput[];
  notices: ImportNotice[];
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Elements whose content is not body text: drawings and text boxes, fallbacks, deleted text, field codes. */
const SKIPPED = new Set([
  "w:drawing",
  "w:pict",
  "w:object",
  "mc:Fallback",
  "w:moveFrom",
  "w:delText",
  "w:instrText",
  "w:footnoteReference",
  "w:endnoteReference",
]);
const IMAGES = new Set(["w:drawing", "w:pict", "w:object"]);

/**
 * Reads word/document.xml with style inheritance (docDefaults → paragraph style chain → run
 * style chain → direct formatting), so every run knows its East Asian font, size and weight.
 * mammoth reports only w:ascii and no inheritance (stack-notes.md §6), which loses 黑体 headings.
 */
export function readDocx(bytes: Uint8Array, budget: InputBudget = new InputBudget("Word 文档")): DocxContent {
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) throw oleError(bytes);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new NianbaoError("file_corrupt", "文件已损坏，或不是 Word（.docx）文档。", "the file is damaged or not a Word (.docx) document");
  }
  const zip = openBoundedZip(bytes, budget);
  // Only the parts read are inflated: the main document the package's relationships name, its styles and numbering.
  const mainPath = mainDocumentPath(zip.read("_rels/.rels"));
  const main = /^word\/document\d*\.xml$/u.test(mainPath) ? zip.read(mainPath) : undefined;
  if (!main) {
    throw new NianbaoError(
      "unsupported_format",
      "这不是 Word 文档（压缩包中没有 word/document.xml）。请用 Word 或 WPS 另存为 .docx 后再导入。",
      "not a Word document: the package has no word/document.xml; save it as .docx",
    );
  }
  const styles = readStyles(textOf(zip.read("word/styles.xml")), budget);
  const numbering = readNumbering(textOf(zip.read("word/numbering.xml")), budget);
  return readDocument(strFromU8(main), styles, numbering, budget);
}

function textOf(bytes: Uint8Array | undefined): string | null {
  return bytes === undefined ? null : strFromU8(bytes);
}

function mainDocumentPath(rels: Uint8Array | undefined): string {
  const target =
    rels === undefined
      ? null
      : /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/u.exec(strFromU8(rels));
  return target?.[1] ?? target?.[2] ?? "word/document.xml";
}

function oleError(bytes: Uint8Array): NianbaoError {
  const probe = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).toString("latin1");
  if (probe.includes("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e")) {
    return new NianbaoError(
      "unsupported_format",
      "此 Word 文档已加密（设置了打开密码），无法读取。请在 Word/WPS 中取消密码后另存为 .docx 再导入。",
      "the Word document is encrypted (password-protected); remove the password, save as .docx and import again",
    );
  }
  return new NianbaoError(
    "unsupported_format",
    "这是旧版 Word/WPS 格式（.doc/.wps）的文件。请在 Word 或 WPS 中“另存为” .docx 后再导入。",
    "this is a legacy binary Word/WPS file (.doc/.wps); save it as .docx in Word or WPS and import again",
  );
}

interface Paragraph {
  runs: SourceRun[];
  pPr: ParagraphProps;
  styleId: string | null;
}

interface TableState {
  rows: string[][];
}

function readDocument(xml: string, styles: StyleSheet, numbering: ReturnType<typeof readNumbering>, budget: InputBudget): DocxContent {
  const blocks: SourceBlockInput[] = [];
  let images = 0;
  const st: {
    skip: number;
    paragraph: Paragraph | null;
    run: { direct: RunProps; styleId: string | null; text: string } | null;
    inPPr: boolean;
    inRPr: boolean;
    inText: boolean;
    tables: TableState[];
    cell: string[] | null;
  } = { skip: 0, paragraph: null, run: null, inPPr: false, inRPr: false, inText: false, tables: [], cell: null };

  const finishParagraph = (p: Paragraph): void => {
    const resolved = styles.resolve(p.styleId ?? styles.defaultParagraphStyle);
    const pPr = { ...styles.defaults.pPr, ...resolved.pPr, ...p.pPr };
    let runs = p.runs;
    if (pPr.numId !== undefined && pPr.numId !== "0") {
      const prefix = numbering.next(pPr.numId, pPr.ilvl ?? 0);
      const first = runs[0];
      if (prefix !== "" && first) runs = [{ ...first, text: prefix }, ...runs];
    }
    const text = runs.map((r) => r.text).join("");
    // Characters were charged as they were read; the paragraph (or table cell) itself is charged here.
    budget.paragraph(0);
    const table = st.tables[st.tables.length - 1];
    if (table !== undefined) {
      st.cell?.push(text);
      return;
    }
    const paragraph: SourceParagraphInput = {
      type: "paragraph",
      text,
      runs,
      align: alignOf(pPr.jc),
      outlineLevel: pPr.outlineLvl !== undefined && pPr.outlineLvl >= 0 && pPr.outlineLvl <= 8 ? pPr.outlineLvl : null,
      styleName: resolved.name,
    };
    blocks.push(paragraph);
  };

  parseXml(
    xml,
    "word/document.xml",
    {
      open: (name, a) => {
        if (st.skip > 0 || SKIPPED.has(name)) {
          if (st.skip === 0 && IMAGES.has(name)) images++;
          st.skip++;
          return;
        }
        switch (name) {
          case "w:tbl":
            st.tables.push({ rows: [] });
            return;
          case "w:tr":
            if (st.tables.length === 1) st.tables[0]?.rows.push([]);
            return;
          case "w:tc":
            if (st.tables.length === 1) st.cell = [];
            return;
          case "w:p":
            st.paragraph = { runs: [], pPr: {}, styleId: null };
            return;
          case "w:pPr":
            st.inPPr = true;
            return;
          case "w:r":
            st.run = { direct: {}, styleId: null, text: "" };
            return;
          case "w:rPr":
            st.inRPr = true;
            return;
          case "w:t":
            st.inText = true;
            return;
        }
        const p = st.paragraph;
        const r = st.run;
        if (r !== null && st.inRPr) {
          if (name === "w:rStyle") r.styleId = a["w:val"] ?? null;
          else applyRunProp(r.direct, name, a);
        } else if (p !== null && st.inPPr && !st.inRPr) {
          if (name === "w:pStyle") p.styleId = a["w:val"] ?? null;
          else applyParagraphProp(p.pPr, name, a);
        } else if (r !== null) {
          if (name === "w:tab") r.text += " ";
          else if ((name === "w:br" && (a["w:type"] === undefined || a["w:type"] === "textWrapping")) || name === "w:cr") r.text += "\n";
          else if (name === "w:noBreakHyphen") r.text += "-";
        }
      },
      close: (name) => {
        if (st.skip > 0) {
          st.skip--;
          return;
        }
        switch (name) {
          case "w:t":
            st.inText = false;
            return;
          case "w:rPr":
            st.inRPr = false;
            return;
          case "w:pPr":
            st.inPPr = false;
            return;
          case "w:r": {
            const r = st.run;
            const p = st.paragraph;
            st.run = null;
            if (r === null || p === null || r.text === "") return;
            const resolved = styles.resolve(p.styleId ?? styles.defaultParagraphStyle);
            const runStyle = styles.resolve(r.styleId);
            const props: RunProps = { ...styles.defaults.rPr, ...resolved.rPr, ...runStyle.rPr, ...r.direct };
            if (props.vanish === true) return;
            p.runs.push({ text: r.text, font: props.eastAsia ?? props.ascii ?? null, size: props.size ?? null, bold: props.bold === true });
            return;
          }
          case "w:p": {
            const p = st.paragraph;
            st.paragraph = null;
            if (p !== null) finishParagraph(p);
            return;
          }
          case "w:tc":
            if (st.tables.length === 1 && st.cell !== null) {
              const rows = st.tables[0]?.rows;
              rows?.[rows.length - 1]?.push(st.cell.join("\n"));
              st.cell = null;
            }
            return;
          case "w:tbl": {
            const table = st.tables.pop();
            if (table !== undefined && st.tables.length === 0) blocks.push({ type: "table", rows: table.rows });
            return;
          }
        }
      },
      text: (t) => {
        if (st.skip === 0 && st.inText && st.run !== null) {
          budget.text(t.length);
          st.run.text += t;
        }
      },
    },
    budget,
  );
  const notices: ImportNotice[] = [];
  if (images > 0)
    notices.push({
      zh: `已跳过 ${images} 个图片或文本框（只导入文字）。`,
      en: `skipped ${images} image(s) or text box(es); only text is imported`,
    });
  return { blocks, notices };
}

function alignOf(jc: string | undefined): SourceParagraphInput["align"] {
  if (jc === "center") return "center";
  if (jc === "right" || jc === "end") return "right";
  if (jc === "both" || jc === "distribute") return "justify";
  if (jc === "left" || jc === "start") return "left";
  return null;
}
