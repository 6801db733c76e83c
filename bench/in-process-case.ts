import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { exportReport } from "../host/export/export-report";
import { importReportFile } from "../host/import/import-report-file";
import { loadReportFile } from "../host/storage/report-file";
import { loadTemplate } from "../host/templates/template-store";
import { signDocx } from "../host/sign/sign-docx";
import { signPdf } from "../host/sign/sign-pdf";
import { loadSigningIdentity } from "../host/sign/signing-identity";
import { makeTestCertificates, TEST_PASSWORD } from "../test/host/sign/support/test-certificates";

/*
 * One in-process case in a process of its own, so that its peak RSS is its own: what a clerk
 * waits for in the running app, with the template loaded and (for PDF) the browser already up.
 * The first call runs cold code (V8 has not optimised it yet) and is reported on its own; the
 * timed runs follow `warmup` more untimed calls, i.e. the steady state of a running app.
 */
const Spec = z.object({
  /** export-pdf-uncached: every export cuts its font subsets anew, as the first export after an edit does. */
  /** sign-docx-pdf: what signing adds to an export of both files (certificate opened, both signed in memory). */
  kind: z.enum(["import-docx", "export-docx", "export-pdf", "export-pdf-uncached", "sign-docx-pdf"]),
  input: z.string(),
  output: z.string(),
  runs: z.number().int().min(1),
  warmup: z.number().int().min(0),
});

const spec = Spec.parse(JSON.parse(process.argv[2] ?? "null"));
const template = await loadTemplate("fazhi-zhengfu-niandu-baogao");
const pdf = spec.kind === "export-pdf" || spec.kind === "export-pdf-uncached" || spec.kind === "sign-docx-pdf";
const renderer = pdf ? new (await import("../host/pdf/chromium-pdf-renderer")).ChromiumPdfRenderer() : null;
const report = spec.kind === "import-docx" ? null : (await loadReportFile(spec.input)).report;

const subsetRoot = mkdtempSync(join(tmpdir(), "nianbao-bench-subsets-"));

/** The files signing starts from: the report exported once, and a test certificate made now. */
async function signingInputs() {
  if (spec.kind !== "sign-docx-pdf" || report === null || renderer === null) return null;
  const docxPath = join(subsetRoot, "signed.docx");
  const pdfPath = join(subsetRoot, "signed.pdf");
  await exportReport({ report, template, docxPath, pdfPath, renderer, fontSubsetDir: join(subsetRoot, "shared") });
  const stamp = { reportId: report.id, revision: 1, contentHash: "0".repeat(64), approvedBy: "张镇长", signer: "李秘书" };
  return { docx: readFileSync(docxPath), pdf: readFileSync(pdfPath), p12: readFileSync(makeTestCertificates().valid), stamp };
}
const signing = await signingInputs();

async function once(): Promise<void> {
  if (signing !== null) {
    const now = new Date();
    const identity = loadSigningIdentity(signing.p12, TEST_PASSWORD, now);
    await signDocx(signing.docx, identity, signing.stamp, now);
    await signPdf(signing.pdf, identity, signing.stamp, now);
  } else if (report === null) {
    await importReportFile(spec.input, { template, deps: { now: () => new Date().toISOString(), newId: randomUUID } });
  } else if (renderer === null) {
    await exportReport({ report, template, docxPath: spec.output });
  } else {
    // The bench's own subset cache, never the user's: empty for every uncached export.
    const fontSubsetDir = spec.kind === "export-pdf-uncached" ? mkdtempSync(join(subsetRoot, "run-")) : join(subsetRoot, "shared");
    // A printer of its own per export: the engine prints every time here, where the app's session
    // reuses the PDF of an unchanged page (host/export/printed-pdf-cache.ts; app-export-100 measures that).
    const printer = { render: (path: string) => renderer.render(path), close: async () => undefined };
    await exportReport({ report, template, pdfPath: spec.output, renderer: printer, fontSubsetDir });
    if (spec.kind === "export-pdf-uncached") rmSync(fontSubsetDir, { recursive: true, force: true });
  }
}

async function timed(): Promise<number> {
  const start = process.hrtime.bigint();
  await once();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// The browser's launch is not part of an export in the running app: it is up before the first one.
if (renderer !== null) await once();
const first = await timed();
for (let i = 0; i < spec.warmup; i++) await once();
const times: number[] = [];
for (let i = 0; i < spec.runs; i++) times.push(await timed());
await renderer?.close();
rmSync(subsetRoot, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ first, times, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
