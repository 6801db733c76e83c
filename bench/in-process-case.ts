import { randomUUID } from "node:crypto";
import { z } from "zod";
import { exportReport } from "../host/export/export-report";
import { importReportFile } from "../host/import/import-report-file";
import { ChromiumPdfRenderer } from "../host/pdf/chromium-pdf-renderer";
import { loadReportFile } from "../host/storage/report-file";
import { loadTemplate } from "../host/templates/template-store";

/*
 * One in-process case in a process of its own, so that its peak RSS is its own: what a clerk
 * waits for in the running app, with the template loaded and (for PDF) the browser already up.
 * One untimed warm-up run first, as in an app that has done this once.
 */
const Spec = z.object({
  kind: z.enum(["import-docx", "export-docx", "export-pdf"]),
  input: z.string(),
  output: z.string(),
  runs: z.number().int().min(1),
});

const spec = Spec.parse(JSON.parse(process.argv[2] ?? "null"));
const template = await loadTemplate("fazhi-zhengfu-niandu-baogao");
const renderer = spec.kind === "export-pdf" ? new ChromiumPdfRenderer() : null;
const report = spec.kind === "import-docx" ? null : (await loadReportFile(spec.input)).report;

async function once(): Promise<void> {
  if (report === null) {
    await importReportFile(spec.input, { template, deps: { now: () => new Date().toISOString(), newId: randomUUID } });
  } else if (renderer === null) {
    await exportReport({ report, template, docxPath: spec.output });
  } else {
    await exportReport({ report, template, pdfPath: spec.output, renderer });
  }
}

await once();
const times: number[] = [];
for (let i = 0; i < spec.runs; i++) {
  const start = process.hrtime.bigint();
  await once();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
await renderer?.close();
process.stdout.write(`${JSON.stringify({ times, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
