import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { bench, describe } from "vitest";
import { importReportFile } from "../host/import/import-report-file";
import { fixedDeps } from "../test/support/deps";
import { fazhiTemplate } from "../test/support/template";
import { makeClerkDocx } from "../test/host/import/support/make-clerk-docx";
import { FIXTURE_MARKDOWN as fixture } from "../test/support/report-from-markdown";

const template = fazhiTemplate();
const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-import-"));
const clerkDocx = join(dir, "mudu.docx");
writeFileSync(clerkDocx, await makeClerkDocx(fixture));

/** About 100 pages at 22 lines × 28 characters: 4 parts × 6 subsections × 20 paragraphs of ~130 characters. */
async function hundredPageDocx(): Promise<Buffer> {
  const run = (text: string, font: string, size = 16): TextRun =>
    new TextRun({ text, font: { eastAsia: font, ascii: "Times New Roman" }, size: size * 2 });
  const sentence =
    "全年共受理各类审批服务事项超 36 万件，占全区总量约 26%，同比增长 17.48%，调解各类纠纷 1900 余件，受理信访件 590 件，结案率 93.26%，有效落实“八五”普法规划。";
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run("2023年度某镇法治政府建设工作报告", "方正小标宋简体", 22)] }),
  ];
  const cn = ["一", "二", "三", "四", "五", "六"];
  for (let p = 0; p < 4; p++) {
    children.push(new Paragraph({ children: [run(`${cn[p]}、本年度推进法治政府建设的主要举措和成效`, "黑体")] }));
    for (let s = 0; s < 6; s++) {
      children.push(new Paragraph({ children: [run(`（${cn[s]}）全面履行政府职能情况`, "楷体_GB2312")] }));
      for (let k = 0; k < 20; k++) children.push(new Paragraph({ children: [run(sentence, "仿宋_GB2312")] }));
    }
  }
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run("某镇人民政府", "仿宋_GB2312")] }));
  children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run("2024年1月17日", "仿宋_GB2312")] }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
const bigDocx = join(dir, "100-pages.docx");
writeFileSync(bigDocx, await hundredPageDocx());

describe("import (target: < 300 ms for 100 pages)", () => {
  bench("seed report, Markdown", async () => {
    await importReportFile(fixture, { template, deps: fixedDeps() });
  });
  bench("seed report, clerk-style .docx", async () => {
    await importReportFile(clerkDocx, { template, deps: fixedDeps() });
  });
  bench("generated 100-page .docx, with roll-forward", async () => {
    await importReportFile(bigDocx, { template, deps: fixedDeps(), rollForward: true });
  });
});
