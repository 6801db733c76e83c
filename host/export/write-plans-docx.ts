import { AlignmentType } from "docx";
import { planChecklist, type PlanChecklistItem } from "../../core/compare/plan-checklist";
import { requireLastYear } from "../../core/compare/require-last-year";
import { inlineText } from "../../core/doc/inline-text";
import { fieldTextResolver } from "../../core/fields/field-text";
import type { LayoutProfile } from "../../core/model/layout-profile";
import { issuingOrg, reportTitle } from "../../core/model/issuing-org";
import type { Report } from "../../core/model/report";
import { PLAN_STATUS_NAMES } from "./plan-status-names";
import { docxLine, writeDocxSections, type DocxCell, type DocxLine, type DocxTable } from "./write-docx";

export const PLANS_TITLE = "上年主要安排落实情况对照表";
export const PLANS_COLUMNS = ["序号", "上年安排", "落实情况", "本年报告中的对应内容或未落实原因"] as const;

/**
 * The plans → results checklist as a table for the review meeting: each of last year's
 * 下一年度主要安排 items, whether it was carried out, and where this year's report says so or why not.
 */
export async function writePlansDocx(report: Report, profile: LayoutProfile): Promise<Uint8Array> {
  const last = requireLastYear(report);
  const items = planChecklist(report);
  const count = (status: PlanChecklistItem["status"]): number => items.filter((i) => i.status === status).length;
  const summary =
    items.length === 0
      ? `${last.meta.reportYear}年度报告未列出下一年度主要安排。`
      : `对照${last.meta.reportYear}年度报告“下一年度主要安排”，共${items.length}项：已落实${count("addressed")}项，未落实${count("notDone")}项，待对照${count("open")}项。`;
  const flush = (text: string): DocxLine => docxLine("plain", { style: "NianbaoFlush" }, [{ text, format: {} }]);
  const table: DocxTable = {
    kind: "table",
    headerRows: 1,
    // In twips of the 8845-twip type area: 序号 and 落实情况 fit on one line with the cell margins.
    columnWeights: [900, 2884, 1600, 3461],
    rows: [
      { mark: null, cells: PLANS_COLUMNS.map((c) => cell(c, true)) },
      ...items.map((item, i) => ({
        mark: null,
        cells: [
          cell(String(i + 1), false, AlignmentType.CENTER),
          cell(item.text, false),
          cell(PLAN_STATUS_NAMES[item.status], false, AlignmentType.CENTER),
          cell(answer(report, item), false),
        ],
      })),
    ],
  };
  return writeDocxSections(
    profile,
    [
      [
        docxLine("title", { style: "Title" }, [{ text: PLANS_TITLE, format: {} }]),
        flush(""),
        flush(`报告：${reportTitle(report.meta) ?? `（尚无标题的${report.meta.reportYear}年度报告）`}`),
        flush(summary),
        table,
      ],
    ],
    null,
    { title: PLANS_TITLE, subject: `${last.meta.reportYear}年度报告主要安排落实情况`, creator: issuingOrg(report.meta) ?? "" },
  );
}

/** Column 4: the quoted place in this year's report (with its part), or the reason it was not done. */
function answer(report: Report, item: PlanChecklistItem): string {
  if (item.status === "notDone") return item.reason ?? "";
  if (item.status === "open" || item.link === null) return "";
  const heading = partHeading(report, item.link.path[0]);
  const quote = item.link.quote.trim();
  return heading === null ? quote : `${quote}（见“${heading}”）`;
}

function partHeading(report: Report, index: number | undefined): string | null {
  const node = index === undefined ? undefined : report.body.content[index];
  if (node?.type !== "part") return null;
  const heading = node.content.find((b) => b.type === "heading");
  if (heading?.type !== "heading") return null;
  return inlineText(heading.content, fieldTextResolver(report, report.meta.profile)).trim() || null;
}

function cell(
  text: string,
  header: boolean,
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = header ? AlignmentType.CENTER : AlignmentType.LEFT,
): DocxCell {
  return {
    colspan: 1,
    rowspan: 1,
    lines: [
      docxLine(header ? "tableHeader" : "tableCell", { style: "NianbaoTable", alignment }, [
        { text, format: { font: "body", bold: header } },
      ]),
    ],
  };
}
