import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Report } from "../../../../core/model/report";
import { applyEdit } from "../../../../core/edits/apply-edit";
import { finishedReport } from "../../../support/finished-report";
import { fazhiTemplate } from "../../../support/template";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "nianbao-sign-"));
}

/** A finished report taken through 拟稿 → 审核 → 签发 by the use case the app and the CLI run. */
export async function approvedReport(): Promise<Report> {
  const deps = { now: () => "2025-01-20T09:30:00.000+08:00", template: fazhiTemplate() };
  const submitted = applyEdit(
    await finishedReport(),
    { type: "workflow", request: { action: "submit", person: "王小明", role: "拟稿人" } },
    deps,
  );
  const reviewed = applyEdit(submitted, { type: "workflow", request: { action: "review", person: "李审核", role: "审核人" } }, deps);
  return applyEdit(reviewed, { type: "workflow", request: { action: "approve", person: "张镇长", role: "签发人" } }, deps);
}

/** A real two-page PDF made with pdf-lib. */
export async function writeTestPdf(path: string): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const line of ["2024 annual report on building a rule-of-law government", "Part two: measures and results"]) {
    doc.addPage([595, 842]).drawText(line, { x: 72, y: 760, size: 16, font });
  }
  writeFileSync(path, await doc.save());
}

/** A real .docx made with the docx library. */
export async function writeTestDocx(path: string): Promise<void> {
  const doc = new Document({
    sections: [{ children: [new Paragraph("2024年度木渎镇人民政府法治政府建设工作报告"), new Paragraph("一、主要举措和成效")] }],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}
