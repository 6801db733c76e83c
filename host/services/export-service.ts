import type { ExportMethodsServer } from "../../core/api/contract";
import { blockingFindings } from "../../core/checks/blocking-findings";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { Template } from "../../core/model/template";
import { exportReport, previewPdf, writeOutput } from "../export/export-report";
import type { PdfRenderer } from "../pdf/pdf-renderer";
import { signExportedFiles } from "../sign/sign-exported-files";
import { loadTemplate } from "../templates/template-store";
import type { PathGuard } from "./path-guard";

export interface ExportServiceDeps {
  guard: PathGuard;
  templatesDir?: string;
  /** Electron's printToPDF; a headless system Chromium per export when absent. */
  pdfRenderer?: PdfRenderer;
  /** Shows a file in the file manager (Electron). */
  reveal?: (path: string) => Promise<void>;
}

/** Word / PDF export, the paged preview and signing, for the editor. */
export function createExportService(deps: ExportServiceDeps): ExportMethodsServer {
  const template = (id: string): Promise<Template> => loadTemplate(id, deps.templatesDir);
  const checkOptional = async (path: string | undefined) => (path === undefined ? undefined : deps.guard.check(path));
  return {
    exportReport: async ({ report, docxPath, pdfPath, profile, today }) => {
      if (docxPath === undefined && pdfPath === undefined) {
        throw new NianbaoError("invalid_input", "请选择要导出的格式。", "nothing to export: give a .docx and/or a PDF path");
      }
      const docx = await checkOptional(docxPath);
      const pdf = await checkOptional(pdfPath);
      const loaded = await template(report.template.id);
      // The same rule as `nianbao export`: a report with errors leaves as a draft, its gaps marked.
      const blocking = blockingFindings(report, loaded, { today: today ?? new Date().toISOString().slice(0, 10), purpose: "final" });
      const exported = await exportReport({
        report,
        template: loaded,
        ...(docx === undefined ? {} : { docxPath: docx }),
        ...(pdf === undefined ? {} : { pdfPath: pdf }),
        ...(profile === undefined ? {} : { profile }),
        ...(deps.pdfRenderer === undefined ? {} : { renderer: deps.pdfRenderer }),
      });
      return { ...exported, blocking };
    },
    previewReport: async ({ report, profile }) => {
      const request = { report, template: await template(report.template.id), ...(profile === undefined ? {} : { profile }) };
      const { pdf, pages, fonts } = await previewPdf(request, deps.pdfRenderer);
      return { pdfBase64: Buffer.from(pdf).toString("base64"), pages, fonts };
    },
    saveChartImage: async (request) => {
      const path = await deps.guard.check(request.path);
      const data = request.format === "svg" ? new TextEncoder().encode(request.svg) : Buffer.from(request.pngBase64, "base64");
      if (!isChartImage(request.format, data)) {
        throw new NianbaoError("invalid_input", "图表内容无效，未保存。", `not a ${request.format.toUpperCase()} image`);
      }
      await writeOutput(path, data);
      return { path };
    },
    revealPath: async ({ path }) => {
      if (deps.reveal === undefined)
        throw new NianbaoError(
          "unsupported",
          "浏览器模式下无法打开文件夹，请按显示的路径查找文件。",
          "cannot reveal files in browser mode",
        );
      await deps.reveal(await deps.guard.check(path));
      return { ok: true as const };
    },
    signExported: async ({ report, pdfPath, docxPath, p12Path, password, signer }) => {
      const pdf = await checkOptional(pdfPath);
      const docx = await checkOptional(docxPath);
      const signed = await signExportedFiles({
        report,
        ...(deps.templatesDir === undefined ? {} : { templatesDir: deps.templatesDir }),
        p12: await deps.guard.check(p12Path),
        password,
        signer,
        ...(pdf === undefined ? {} : { pdfPath: pdf }),
        ...(docx === undefined ? {} : { docxPath: docx }),
      });
      return {
        pdf: signed.pdf,
        docx: signed.docx,
        docxSignature: signed.docxSignature,
        subject: signed.subject,
        signedAt: signed.signedAt.toISOString(),
        revision: signed.revision,
        record: signed.record,
        verification: signed.verification,
      };
    },
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Only an image leaves through saveChartImage, never other bytes under an image's name. */
function isChartImage(format: "svg" | "png", data: Uint8Array): boolean {
  if (format === "png") return PNG_SIGNATURE.every((byte, i) => data[i] === byte);
  return /^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(new TextDecoder().decode(data.subarray(0, 512)));
}
