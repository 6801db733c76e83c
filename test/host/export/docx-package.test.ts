import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildExportModel } from "../../../core/export-model/build-export-model";
import { PROFILE_PRESETS } from "../../../core/export-model/profile-presets";
import type { LayoutProfile } from "../../../core/model/layout-profile";
import { writeDocx } from "../../../host/export/write-docx";
import { buildReport, heading, paragraph } from "../../support/report-from-markdown";
import { fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

/** The .docx package as Word and WPS read it: the XML parts, unzipped. */
async function docxParts(profile?: LayoutProfile, report = fixtureReport()): Promise<Record<string, string>> {
  const model = buildExportModel(report, fazhiTemplate(), profile === undefined ? {} : { profile });
  const files = unzipSync(await writeDocx(model));
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles)?.[0] ?? "";
}

describe("the .docx package", () => {
  it("names no theme font, 等线 or Calibri anywhere", async () => {
    const parts = await docxParts();
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml, name).not.toMatch(/等线|Calibri|DengXian/);
      expect(xml, name).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
  });

  it("colours all text black", async () => {
    const parts = await docxParts();
    for (const [name, xml] of Object.entries(parts)) {
      if (name.startsWith("word/theme/")) continue;
      for (const m of xml.matchAll(/<w:color w:val="([^"]*)"/g)) expect(m[1], name).toBe("000000");
      expect(xml, name).not.toMatch(/w:themeColor=/);
    }
  });

  it("turns on odd and even footers with — N — at the right and at the left", async () => {
    const parts = await docxParts();
    expect(parts["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
    const doc = parts["word/document.xml"] ?? "";
    expect(doc).toMatch(/<w:footerReference w:type="default"/);
    expect(doc).toMatch(/<w:footerReference w:type="even"/);
    expect(doc).not.toContain("<w:titlePg");
    const footers = Object.entries(parts)
      .filter(([n]) => /^word\/footer\d+\.xml$/.test(n))
      .map(([, x]) => x);
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('w:right="280"'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('w:left="280"'))).toBe(true);
    for (const f of footers) {
      expect(f).toContain("PAGE");
      expect(f).toMatch(/— <\/w:t>/);
      expect(f).toMatch(/w:eastAsia="宋体"/);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
  });

  it("sets A4, 37/26/35/28 mm, exact 579 twip lines and a line grid with −0.25 pt spacing by default", async () => {
    const parts = await docxParts();
    const doc = parts["word/document.xml"] ?? "";
    const styles = parts["word/styles.xml"] ?? "";
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1440"/);
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    const normal = styleXml(styles, "Normal");
    expect(normal).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(normal).toContain('<w:spacing w:val="-5"/>');
    expect(normal).toContain('w:firstLine="640"');
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:widowControl w:val="0"\/>/);
    // The title and the page number are not compressed.
    expect(styleXml(styles, "Title")).not.toContain('<w:spacing w:val="-5"/>');
    expect(styleXml(styles, "Footer")).not.toContain('<w:spacing w:val="-5"/>');
  });

  it("uses Word's character grid instead, never both, in char-grid mode", async () => {
    const parts = await docxParts(PROFILE_PRESETS["char-grid"]);
    expect(parts["word/document.xml"]).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"\/>/);
    expect(parts["word/styles.xml"]).not.toContain('<w:spacing w:val="-5"/>');
    expect(styleXml(parts["word/styles.xml"] ?? "", "Normal")).toContain('w:firstLineChars="200"');
  });

  it("gives each level its font in all four rFonts slots with the East Asian hint, 小标宋 2号 for the title", async () => {
    const styles = (await docxParts())["word/styles.xml"] ?? "";
    const fonts = (id: string): string => /<w:rFonts [^>]*\/>/.exec(styleXml(styles, id))?.[0] ?? "";
    expect(fonts("Title")).toBe(
      '<w:rFonts w:ascii="方正小标宋简体" w:cs="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体" w:hint="eastAsia"/>',
    );
    expect(styleXml(styles, "Title")).toContain('<w:sz w:val="44"/>');
    expect(styleXml(styles, "Title")).toContain('<w:b w:val="false"/>');
    expect(fonts("Heading1")).toContain('w:eastAsia="黑体"');
    expect(fonts("Heading2")).toContain('w:eastAsia="楷体_GB2312"');
    expect(fonts("Heading3")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(fonts("Normal")).toBe(
      '<w:rFonts w:ascii="仿宋_GB2312" w:cs="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:hint="eastAsia"/>',
    );
    for (const id of ["Heading1", "Heading2", "Heading3", "Heading4"]) {
      expect(styleXml(styles, id)).toContain('<w:b w:val="false"/>');
      expect(styleXml(styles, id)).toContain('<w:color w:val="000000"/>');
    }
  });

  it("applies the local profile: bold level 2/3, Times New Roman digits, 仿宋 and 楷体", async () => {
    const styles = (await docxParts(PROFILE_PRESETS["local"]))["word/styles.xml"] ?? "";
    expect(styleXml(styles, "Heading2")).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    expect(styleXml(styles, "Heading3")).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    expect(styleXml(styles, "Normal")).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋" w:hAnsi="Times New Roman" w:hint="eastAsia"/>',
    );
    expect(styleXml(styles, "Heading2")).toContain('w:eastAsia="楷体"');
  });

  it("moves the top margin up by the optical 天头 when asked", async () => {
    const doc = (await docxParts(PROFILE_PRESETS["optical-top"]))["word/document.xml"] ?? "";
    expect(doc).toMatch(/<w:pgMar w:top="1950"/);
  });

  it("writes a run-in heading as two runs: the heading font up to 。, then 仿宋", async () => {
    const report = buildReport({
      title: "测试报告",
      org: "某县人民政府",
      date: "2025-01-17",
      body: {
        type: "doc",
        content: [
          {
            type: "part",
            attrs: { partId: null },
            content: [
              heading(1, "一、总体情况"),
              paragraph([
                { type: "text", text: "（一）加强组织领导。", marks: [{ type: "runInHeading", attrs: { level: 2 } }] },
                { type: "text", text: "成立领导小组。" },
              ]),
            ],
          },
        ],
      },
    });
    const doc = (await docxParts(undefined, report))["word/document.xml"] ?? "";
    const para = /<w:p>(?:(?!<\/w:p>).)*加强组织领导(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)?.[0] ?? "";
    const runs = [...para.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1] ?? "");
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain('w:eastAsia="楷体_GB2312"');
    expect(runs[0]).toContain("（一）加强组织领导。");
    expect(runs[1]).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runs[1]).toContain("成立领导小组。");
  });

  it("places the sealed 落款 with the date 右空四字 and the 署名 centred over it", async () => {
    const doc = (await docxParts())["word/document.xml"] ?? "";
    const para = (text: string): string => new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`).exec(doc)?.[0] ?? "";
    // 4 字 = 1280 twip; 署名 10 字, date 6.5 字 → 4 + (6.5 − 10) / 2 = 2.25 字 = 720 twip.
    expect(para("2024年1月17日")).toMatch(/<w:jc w:val="right"\/>/);
    expect(para("2024年1月17日")).toMatch(/w:right="1280"/);
    expect(para("吴中区木渎镇人民政府")).toMatch(/w:right="720"/);
  });

  it("names the report in core.xml: title, subject, the 发文机关 as creator, and the dates", async () => {
    const core = (await docxParts())["docProps/core.xml"] ?? "";
    expect(core).toContain("<dc:title>2023年度木渎镇法治政府建设工作报告</dc:title>");
    expect(core).toContain("<dc:subject>2023年度法治政府建设情况报告</dc:subject>");
    expect(core).toContain("<dc:creator>吴中区木渎镇人民政府</dc:creator>");
    expect(core).toMatch(/<dcterms:created [^>]*>\d{4}-\d{2}-\d{2}T/);
    expect(core).toMatch(/<dcterms:modified [^>]*>\d{4}-\d{2}-\d{2}T/);
    expect(core).not.toContain("Un-named");
  });

  it("keeps every heading with the text after it, and the 落款 with the body's last lines", async () => {
    const { "word/styles.xml": styles = "", "word/document.xml": doc = "" } = await docxParts();
    for (const id of ["Heading1", "Heading2", "Heading3", "Heading4"]) {
      expect(styleXml(styles, id)).toContain("<w:keepNext/>");
      expect(styleXml(styles, id)).toContain("<w:keepLines/>");
    }
    const paragraphs = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]);
    const org = paragraphs.findIndex((p) => p.includes("吴中区木渎镇人民政府"));
    // The body's last paragraph and the two blank lines keep with the 署名, which keeps with the date.
    for (const p of paragraphs.slice(org - 3, org + 1)) expect(p).toContain("<w:keepNext/>");
    expect(paragraphs[org - 3]).toMatch(/<w:widowControl\/>|<w:widowControl w:val="true"\/>/);
    expect(paragraphs[org - 3]).toContain("提升全镇社会治理法治化水平。");
  });
});
