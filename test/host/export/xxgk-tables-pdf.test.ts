import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyEdits } from "../../../core/edits/apply-edit";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { createReport } from "../../../core/model/create-report";
import type { BlockNode, DocNode } from "../../../core/model/doc";
import type { Report } from "../../../core/model/report";
import { exportReport } from "../../../host/export/export-report";
import { fixedDeps } from "../../support/deps";
import { check9704, libreOfficeToPdf } from "../../support/pdf-readers";
import { xxgkTemplate } from "../../support/template";

/*
 * The 政府信息公开 tables in print: our PDF (Chromium) and LibreOffice's rendering of our .docx,
 * read by poppler and judged by the grid check, which exempts pages holding table text from the
 * 22-lines rule and applies every other rule.
 */

interface Word {
  page: number;
  text: string;
  centre: number;
  y: number;
}

function pdfWords(pdf: string): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[0].startsWith("<page")) page++;
    else words.push({ page, text: m[4] ?? "", centre: (Number(m[1]) + Number(m[3])) / 2, y: Number(m[2]) });
  }
  return words;
}

const PROSE =
  "本镇坚持以公开为常态、不公开为例外，围绕群众关切的重点领域持续深化政务公开，进一步规范政府信息公开申请办理流程，" +
  "认真落实主动公开基本目录要求，及时更新机构职能、政策文件、财政预决算和重大建设项目等信息，切实保障人民群众的知情权、参与权、表达权和监督权。";

/** Every empty paragraph of the text parts filled with plain Chinese prose, enough for whole pages without a table. */
function withProse(report: Report): Report {
  const fill = (blocks: BlockNode[], times: number): BlockNode[] =>
    blocks.flatMap((b) =>
      b.type === "paragraph" && b.content === undefined
        ? Array.from({ length: times }, (): BlockNode => ({
            type: "paragraph",
            attrs: { carried: false },
            content: [{ type: "text", text: PROSE }],
          }))
        : [b],
    );
  const body: DocNode = {
    type: "doc",
    content: report.body.content.map((node) =>
      // How many: chosen so that in both renderings no heading falls on a page's last line (a heading
      // keeps with its text, leaving that page a line short, which the grid check would rightly flag).
      node.type === "part"
        ? { ...node, content: fill(node.content, node.attrs.partId === "overview" ? 2 : node.attrs.partId === "problems" ? 5 : 6) }
        : node,
    ),
  };
  return { ...report, body };
}

function filled(): Report {
  const template = xxgkTemplate();
  const created = withProse(createReport(template, { org: "木渎镇人民政府", year: 2024 }, fixedDeps()));
  const zeros = Object.values(created.fields)
    .filter((f) => f.formula === undefined)
    .map((f): ReportEdit => ({ type: "changeField", fieldId: f.id, input: "0" }));
  const values: ReportEdit[] = [
    { type: "changeField", fieldId: "t3.new.natural", input: "12" },
    { type: "changeField", fieldId: "t3.open.natural", input: "9" },
    { type: "changeField", fieldId: "t3.carry_out.natural", input: "3" },
  ];
  return applyEdits(created, [...zeros, ...values], { now: fixedDeps().now, template });
}

function judge(pdf: string): { tablePages: number[]; pages: number; problems: string[]; ok: boolean } {
  const { problems, summary, ok } = check9704(pdf);
  const tablePages = (/table pages \[([\d, ]*)\]/.exec(summary)?.[1] ?? "")
    .split(",")
    .filter((s) => s.trim() !== "")
    .map(Number);
  return { tablePages, pages: Number(/pages (\d+)/.exec(summary)?.[1] ?? "0"), problems, ok };
}

describe("the 政府信息公开 tables in the PDF and in LibreOffice's rendering of the .docx", () => {
  const renderings: Record<"chromium" | "libreoffice", string> = { chromium: "", libreoffice: "" };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-xxgk-pdf-"));
    renderings.chromium = join(dir, "report.pdf");
    const docx = join(dir, "report.docx");
    await exportReport({ report: filled(), template: xxgkTemplate(), docxPath: docx, pdfPath: renderings.chromium });
    libreOfficeToPdf([docx], join(dir, "lo"));
    renderings.libreoffice = join(dir, "lo", "report.pdf");
  }, 240_000);

  for (const name of ["chromium", "libreoffice"] as const) {
    it(`${name}: passes the page checks, table pages exempt from 22 lines and prose pages not`, () => {
      const { tablePages, pages, problems, ok } = judge(renderings[name]);
      expect(problems).toEqual([]);
      expect(ok).toBe(true);
      expect(tablePages.length).toBeGreaterThanOrEqual(2);
      // At least one page before the last holds no table, so the 22-lines rule was applied to it.
      expect(Array.from({ length: pages - 1 }, (_, i) => i + 1).some((p) => !tablePages.includes(p))).toBe(true);
    });

    it(`${name}: repeats table 三's header rows on the next page and centres the numbers under their headers`, () => {
      const words = pdfWords(renderings[name]);
      const headerPages = new Set(words.filter((w) => w.text === "申请人情况").map((w) => w.page));
      expect(headerPages.size).toBeGreaterThanOrEqual(2);
      // 总计 of the 本年新收 row (12) sits under the 总计 header of its page, centred in the same column.
      const row = words.find((w) => w.text.startsWith("一、本年新收"));
      expect(row).toBeDefined();
      const onRow = words.filter((w) => w.page === row?.page && Math.abs(w.y - (row?.y ?? 0)) < 3 && /^\d+$/.test(w.text));
      expect(onRow.map((w) => w.text)).toEqual(["12", "0", "0", "0", "0", "0", "12"]);
      const total = words.filter((w) => w.page === row?.page && w.text === "总计" && w.y < (row?.y ?? 0)).at(-1);
      expect(Math.abs((onRow.at(-1)?.centre ?? 0) - (total?.centre ?? 1000))).toBeLessThan(1.5);
      // 0 is printed as 0 in table 四 too: one row of fifteen numbers.
      // Its headers wrap (结果/维持) in fifteen columns; the numbers are the row under them.
      const t4 = words.find((w) => w.text === "行政复议");
      const t4row = words.filter((w) => w.page === t4?.page && w.y > (t4?.y ?? 0) && w.y < (t4?.y ?? 0) + 120 && /^\d+$/.test(w.text));
      expect(t4row.map((w) => w.text)).toEqual(Array.from({ length: 15 }, () => "0"));
    });
  }

  it("lays the pages out alike in both renderings", () => {
    const ours = judge(renderings.chromium);
    const theirs = judge(renderings.libreoffice);
    expect(Math.abs(ours.pages - theirs.pages)).toBeLessThanOrEqual(1);
  });
});
