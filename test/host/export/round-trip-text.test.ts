import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportReport } from "../../../host/export/export-report";
import { importReportFile } from "../../../host/import/import-report-file";
import { ChromiumPdfRenderer } from "../../../host/pdf/chromium-pdf-renderer";
import { fixedDeps } from "../../support/deps";
import { libreOfficeConvert } from "../../support/pdf-readers";
import { FIXTURE_MARKDOWN, readFixtureMarkdown } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";
import { makeClerkDocx } from "../import/support/make-clerk-docx";

/*
 * Import, then export without editing: every character of the source comes back, numbers in the
 * numerals, spacing and qualifier order they were written in. Read back by readers that are not
 * ours: LibreOffice's text export of our .docx and poppler's pdftotext of our PDF.
 */

/** A report written the way many clerks write numbers: Chinese numerals, 两, 余 after 万, 百分之. */
const CHINESE_NUMERALS = `# 2023年度某镇法治政府建设工作报告

2023年，某镇坚持依法行政，全年工作情况如下：

## 一、主要举措和成效

新建两座卫星消防站，完成九个新社区选举工作。检查企业、场所超二点六万家次，组织应急演练三十二场次，整改隐患 2.9 万条。

全年调解各类纠纷一千九百余件，累计发放补助0.5万余元，群众满意率达百分之九十。第二、三批试点单位按期验收，市、区两级隐患挂牌项目按时销号。

镇党委每半年召开一次专题会议，在全国“两会”期间召开两次会议，受理信访件 590 件。

## 二、存在的不足和原因

一是宣传不够深入。二是队伍力量不足。

## 三、下一年度工作安排

继续推进法治政府建设。

某镇人民政府

2024年1月17日
`;

const dir = mkdtempSync(join(tmpdir(), "nianbao-round-trip-"));
const renderer = new ChromiumPdfRenderer();

interface Case {
  name: string;
  source: string;
  /** The text lines of the source, Markdown marks removed. */
  lines: string[];
  docx: string;
  pdf: string;
  loText: string;
  fieldTexts: string[];
  /** Field ids in the order their atoms stand in the body. */
  atomIds: string[];
  notices: string[];
}

const cases: Case[] = [];

function sourceLines(markdown: string): string[] {
  return markdown
    .split("\n")
    .map((l) => l.replace(/^#+\s*/u, "").trim())
    .filter((l) => l !== "");
}

async function roundTrip(name: string, source: string, markdown: string): Promise<Case> {
  const template = fazhiTemplate();
  const { report, notices } = await importReportFile(source, { template, deps: fixedDeps() });
  const docx = join(dir, `${name}.docx`);
  const pdf = join(dir, `${name}.pdf`);
  await exportReport({ report, template, docxPath: docx, pdfPath: pdf, renderer });
  const loDir = join(dir, `lo-${name}`);
  mkdirSync(loDir);
  libreOfficeConvert([docx], loDir, "txt:Text (encoded):UTF8");
  const loText = readFileSync(join(loDir, `${name}.txt`), "utf8").replace(/^\uFEFF/u, "");
  const fieldTexts = Object.values(report.fields).map((f) => f.sourceText ?? "");
  const atomIds = [...JSON.stringify(report.body).matchAll(/"fieldId":"([^"]+)"/gu)].map((m) => m[1] ?? "");
  return { name, source, lines: sourceLines(markdown), docx, pdf, loText, fieldTexts, atomIds, notices: notices.map((n) => n.zh) };
}

beforeAll(async () => {
  const chinese = join(dir, "chinese.md");
  writeFileSync(chinese, CHINESE_NUMERALS);
  const clerk = join(dir, "clerk-chinese.docx");
  writeFileSync(clerk, await makeClerkDocx(chinese));
  const clerkFixture = join(dir, "clerk-fixture.docx");
  writeFileSync(clerkFixture, await makeClerkDocx(FIXTURE_MARKDOWN));
  cases.push(await roundTrip("chinese", chinese, CHINESE_NUMERALS));
  cases.push(await roundTrip("clerk-chinese", clerk, CHINESE_NUMERALS));
  cases.push(await roundTrip("fixture", FIXTURE_MARKDOWN, readFixtureMarkdown()));
  cases.push(await roundTrip("clerk-fixture", clerkFixture, readFixtureMarkdown()));
}, 300_000);

afterAll(async () => {
  await renderer.close();
});

const byName = (name: string): Case => {
  const c = cases.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no case ${name}`);
  return c;
};

/** Non-empty lines as a reader prints them, trimmed of the layout's indents. */
function readerLines(text: string): string[] {
  return text
    .split(/\r?\n|\f/u)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/**
 * The PDF's lines joined back into the text. A space the paragraph wraps at is not drawn at the
 * end of the line, so pdftotext cannot see it; where the expected text has a space at a wrap, the
 * wrap stands for it. Every other character must match.
 */
function acrossWraps(expected: string, lines: readonly string[]): string {
  let out = "";
  lines.forEach((line, i) => {
    if (i > 0 && expected[out.length] === " " && !line.startsWith(" ")) out += " ";
    out += line;
  });
  return out;
}

/**
 * The print page draws a gap between 汉字 and a digit or Latin letter (as Word and LibreOffice do,
 * so that both renderings break the same lines), and pdftotext guesses spaces from gaps: at such
 * a boundary a written space and a drawn gap look alike to it. Spaces there are compared by the
 * .docx tests above; here they are left out on both sides.
 */
function withoutBoundarySpaces(text: string): string {
  return text.replace(/(?<=\p{Script=Han})[ \u00a0]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \u00a0]+(?=\p{Script=Han})/gu, "");
}

describe("import then export without editing", () => {
  it.each(["chinese", "clerk-chinese"])("%s: LibreOffice reads every line of the .docx exactly as written", (name) => {
    const c = byName(name);
    expect(readerLines(c.loText)).toEqual(c.lines);
  });

  it.each(["fixture", "clerk-fixture"])(
    "%s: LibreOffice reads every character of the .docx in order; only the listed broken lines are joined",
    (name) => {
      const c = byName(name);
      const read = readerLines(c.loText);
      expect(read.join("")).toBe(c.lines.join(""));
      const joined = c.notices.filter((n) => n.includes("合为一段"));
      expect(joined).toHaveLength(c.lines.length - read.length);
      expect(joined.length).toBeGreaterThan(0);
    },
  );

  it.each(["chinese", "clerk-chinese", "fixture", "clerk-fixture"])("%s: pdftotext reads every character of the PDF in order", (name) => {
    const c = byName(name);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", c.pdf, "-"], { encoding: "utf8" });
    // Page numbers (— 1 —) are the page's, not the report's.
    const lines = readerLines(text).filter((l) => !/^[—–-]\s*\d+\s*[—–-]$/u.test(l));
    expect(withoutBoundarySpaces(acrossWraps(c.lines.join(""), lines))).toBe(withoutBoundarySpaces(c.lines.join("")));
  });

  it("keeps the fixture's 21 numbers as fields, and the Chinese-numeral report's eight", () => {
    const ids = Array.from({ length: 21 }, (_, i) => `f${i + 1}`);
    expect(byName("fixture").atomIds).toEqual(ids);
    expect(byName("clerk-fixture").atomIds).toEqual(ids);
    expect(byName("fixture").fieldTexts).toHaveLength(21);
    const chinese = byName("chinese").fieldTexts.join("|");
    for (const written of ["两座", "九个", "超二点六万家次", "三十二场次", "一千九百余件", "0.5万余元", "百分之九十", "召开两次", "590 件"])
      expect(chinese).toContain(written);
    for (const words of ["第二、三批", "两级", "一次", "两会"]) expect(chinese).not.toContain(words);
  });
});
