import { bench, describe } from "vitest";
import { compareWithLastYear } from "../core/compare/compare-with-last-year";
import type { DocNode } from "../core/model/doc";
import { Report } from "../core/model/report";
import { writeRedlineDocx } from "../host/export/write-redline-docx";
import { largeReport } from "../test/support/large-report";
import { fazhiTemplate } from "../test/support/template";

/** A 100-page report against last year's, every third paragraph reworded. Target: well under 2 s each. */
function editedAgainstLastYear(): Report {
  const last = largeReport(100);
  const body = JSON.parse(JSON.stringify(last.body)) as DocNode;
  let k = 0;
  for (const node of body.content) {
    if (node.type !== "part") continue;
    for (const block of node.content) {
      if (block.type !== "paragraph" || k++ % 3 !== 0) continue;
      const text = block.content?.find((n) => n.type === "text");
      if (text?.type === "text") text.text = `本年${text.text.slice(3)}`;
    }
  }
  return Report.parse({ ...last, body, lastYear: { meta: last.meta, body: last.body, fields: last.fields } });
}

const report = editedAgainstLastYear();
const template = fazhiTemplate();

describe("compare with last year, 100 pages", () => {
  bench("compareWithLastYear (nianbao diff, COPY-HIGH)", () => {
    if (report.lastYear) compareWithLastYear(report.body, report.lastYear.body);
  });
  bench("writeRedlineDocx (export --redline)", async () => {
    await writeRedlineDocx(report, template, report.meta.profile);
  });
});
