import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParagraphNode } from "../../../core/model/doc";
import { exportReport } from "../../../host/export/export-report";
import { ChromiumPdfRenderer } from "../../../host/pdf/chromium-pdf-renderer";
import { layoutLines, libreOfficeToPdf } from "../../support/pdf-readers";
import { buildReport, heading, paragraph } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

/*
 * GB/T 9704 7.3.5 and the heading rule, read back from both renderings page by page with
 * pdftotext: our PDF and LibreOffice's PDF of our .docx.
 */

const dir = mkdtempSync(join(tmpdir(), "nianbao-keep-"));
const renderer = new ChromiumPdfRenderer();
const ORG = "某县人民政府";
const DATE = "2024年1月17日";
const H1 = "一、法治政府建设主要举措";
const H2 = "（一）全面履行政府职能";
const PHRASE = "法治政府建设各项工作扎实推进，";

/** A body paragraph of about `lines` full lines (the first line is 2 字 in). */
function lines(count: number, seed: string): ParagraphNode {
  const target = 26 + (count - 1) * 28;
  let text = seed;
  while (text.length < target - 1) text += PHRASE;
  return paragraph([{ type: "text", text: `${text.slice(0, target - 1)}。` }]);
}

const growing = Array.from({ length: 16 }, (_, i) => i + 1);
const headingOffsets = [13, 14, 15, 19, 20, 21];
const file = (name: string) => ({ docx: join(dir, `${name}.docx`), pdf: join(dir, `${name}.pdf`), lo: join(dir, "lo", `${name}.pdf`) });

beforeAll(async () => {
  const template = fazhiTemplate();
  for (const last of growing) {
    const body = { type: "doc" as const, content: [lines(10, "第一段："), lines(last, "最后一段：")] };
    const report = buildReport({ title: "2023年度某县法治政府建设工作报告", org: ORG, date: "2024-01-17", body });
    await exportReport({ report, template, docxPath: file(`grow-${last}`).docx, pdfPath: file(`grow-${last}`).pdf, renderer });
  }
  for (const first of headingOffsets) {
    const blocks = [heading(1, H1), lines(5, "一级下："), heading(2, H2), lines(5, "二级下："), lines(3, "末段：")];
    const body = {
      type: "doc" as const,
      content: [lines(first, "开头："), { type: "part" as const, attrs: { partId: null }, content: blocks }],
    };
    const report = buildReport({ title: "2023年度某县法治政府建设工作报告", org: ORG, date: "2024-01-17", body });
    await exportReport({ report, template, docxPath: file(`heading-${first}`).docx, pdfPath: file(`heading-${first}`).pdf, renderer });
  }
  libreOfficeToPdf(
    [...growing.map((n) => file(`grow-${n}`).docx), ...headingOffsets.map((n) => file(`heading-${n}`).docx)],
    join(dir, "lo"),
  );
}, 300_000);

afterAll(async () => {
  await renderer.close();
});

describe("the 落款 never stands alone on a page", () => {
  it.each(growing)(
    "last paragraph of %i lines: the 署名 and date share a page with ≥ 2 body lines, in our PDF and in LibreOffice's",
    (last) => {
      for (const pdf of [file(`grow-${last}`).pdf, file(`grow-${last}`).lo]) {
        const all = layoutLines(pdf);
        const date = all.find((l) => l.text === DATE);
        const org = all.find((l) => l.text === ORG);
        expect(date, pdf).toBeDefined();
        expect(org?.page, pdf).toBe(date?.page);
        const bodyOnPage = all.filter((l) => l.page === date?.page && l.text !== DATE && l.text !== ORG && !l.text.includes("工作报告"));
        expect(bodyOnPage.length, `${pdf}: page ${date?.page}`).toBeGreaterThanOrEqual(2);
      }
    },
  );
});

describe("headings never end a page", () => {
  it.each(headingOffsets)("opening paragraph of %i lines: no page of either PDF ends with the level-1 or level-2 heading", (first) => {
    for (const pdf of [file(`heading-${first}`).pdf, file(`heading-${first}`).lo]) {
      const all = layoutLines(pdf);
      const pages = [...new Set(all.map((l) => l.page))];
      for (const page of pages) {
        const last = all.filter((l) => l.page === page).at(-1)?.text;
        expect([H1, H2], `${pdf}: page ${page} ends with “${last}”`).not.toContain(last);
      }
      // Both headings are there, each followed on its page by the text under it.
      for (const h of [H1, H2]) {
        const at = all.findIndex((l) => l.text === h);
        expect(at, pdf).toBeGreaterThanOrEqual(0);
        expect(all[at + 1]?.page).toBe(all[at]?.page);
      }
    }
  });
});
