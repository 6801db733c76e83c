import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { recognizeReport } from "../../../core/import/recognize-report";
import { SourceBlock } from "../../../core/import/source-block";
import { readDocx } from "../../../host/import/docx-reader";
import { fazhiTemplate } from "../../support/template";
import { makeDocx, paragraphXml } from "./support/make-docx";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const STYLES = `<?xml version="1.0"?><w:styles ${W}>
  <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Base"><w:name w:val="部门基础"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Head1"><w:name w:val="部门一级"/><w:basedOn w:val="Base"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Kai"><w:name w:val="楷体字"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>
</w:styles>`;
const NUMBERING = `<?xml version="1.0"?><w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`;

const p = (text: string, pPr = "", rPr = "") =>
  `<w:p>${pPr === "" ? "" : `<w:pPr>${pPr}</w:pPr>`}<w:r>${rPr === "" ? "" : `<w:rPr>${rPr}</w:rPr>`}<w:t>${text}</w:t></w:r></w:p>`;
const body = "全年共办理行政执法案件120件，办结率100%，群众满意度持续提升，各项工作取得新成效，法治建设不断深化。";

describe(".docx reader", () => {
  it("resolves docDefaults → basedOn chain → run style → direct formatting, and renders Word's automatic numbering", () => {
    const docx = makeDocx(
      [
        `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>某县司法局关于2023年度</w:t></w:r><w:r><w:br/><w:t>法治政府建设情况的报告</w:t></w:r></w:p>`,
        p(body),
        p("主要举措和成效", '<w:pStyle w:val="Head1"/>'),
        p("规范行政执法", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>', '<w:rStyle w:val="Kai"/>'),
        p(body),
        p("深化普法宣传", "", '<w:rStyle w:val="Kai"/><w:rFonts w:eastAsia="仿宋_GB2312"/>'),
        p(body),
        p("存在的不足", '<w:pStyle w:val="Head1"/>'),
        p(body),
        `<w:p><w:r><w:drawing/></w:r></w:p>`,
        `<w:tbl><w:tr><w:tc>${paragraphXml("法律咨询")}</w:tc><w:tc>${paragraphXml("1320人次")}</w:tc></w:tr></w:tbl>`,
        `<w:p><w:r><w:t>删改后</w:t></w:r><w:del><w:r><w:delText>已删除</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>的文字。</w:t></w:r></w:p>`,
      ].join(""),
      { extra: { "word/styles.xml": strToU8(STYLES), "word/numbering.xml": strToU8(NUMBERING) } },
    );
    const { blocks, notices } = readDocx(docx);
    const paragraphs = blocks.flatMap((b) => (b.type === "paragraph" ? [b] : []));
    expect(paragraphs[0]).toMatchObject({ text: "某县司法局关于2023年度\n法治政府建设情况的报告", align: "center", styleName: "Title" });
    expect(paragraphs[0]?.runs?.[0]).toMatchObject({ font: "方正小标宋简体", size: 22 });
    expect(paragraphs[1]?.runs?.[0]).toMatchObject({ font: "仿宋_GB2312", size: 16, bold: false });
    expect(paragraphs[2]).toMatchObject({ text: "一、主要举措和成效" });
    expect(paragraphs[2]?.runs?.map((r) => r.font)).toEqual(["黑体", "黑体"]);
    expect(paragraphs[3]).toMatchObject({ text: "（一）规范行政执法" });
    expect(paragraphs[3]?.runs?.[1]?.font).toBe("楷体_GB2312");
    expect(paragraphs[5]?.runs?.[0]?.font).toBe("仿宋_GB2312");
    expect(paragraphs[7]).toMatchObject({ text: "二、存在的不足" });
    expect(paragraphs.at(-1)?.text).toBe("删改后的文字。");
    expect(blocks.find((b) => b.type === "table")).toEqual({ type: "table", rows: [["法律咨询", "1320人次"]] });
    expect(notices.map((n) => n.zh).join()).toContain("已跳过 1 个图片");

    const r = recognizeReport(
      blocks.map((b) => SourceBlock.parse(b)),
      fazhiTemplate(),
    );
    expect(r.title).toBe("某县司法局关于2023年度法治政府建设情况的报告");
    expect(r.headings.map((h) => [h.level, h.text, h.part])).toEqual([
      [1, "一、主要举措和成效", "measures"],
      [2, "（一）规范行政执法", "measures"],
      [1, "二、存在的不足", "shortcomings"],
    ]);
  });
});
