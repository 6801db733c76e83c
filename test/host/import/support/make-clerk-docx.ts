import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { readFileSync } from "node:fs";

/**
 * A .docx made the way clerks make one: every paragraph in the Normal style, no heading styles,
 * the hierarchy only in direct run formatting (方正小标宋 title, 黑体 一、, 楷体 （一）, 仿宋 body),
 * 落款 right-aligned. Built from a Markdown report at test time instead of a committed blob.
 */
export async function makeClerkDocx(markdownPath: string): Promise<Buffer> {
  const lines = readFileSync(markdownPath, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const children = lines.map((raw, index) => {
    const text = raw.replace(/^#+\s*/u, "");
    const run = (font: string, size: number, bold = false): TextRun =>
      new TextRun({ text, font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: font }, size: size * 2, bold });
    if (index === 0 && raw.startsWith("# "))
      return new Paragraph({ alignment: AlignmentType.CENTER, children: [run("方正小标宋简体", 22)] });
    if (/^[一二三四五六七八九十]+、/u.test(text)) return new Paragraph({ indent: { firstLine: 640 }, children: [run("黑体", 16)] });
    if (/^（[一二三四五六七八九十]+）/u.test(text))
      return new Paragraph({ indent: { firstLine: 640 }, children: [run("楷体_GB2312", 16)] });
    const closing = index >= lines.length - 2 && text.length <= 20;
    return new Paragraph({
      alignment: closing ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
      indent: closing ? {} : { firstLine: 640 },
      children: [run("仿宋_GB2312", 16)],
    });
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
