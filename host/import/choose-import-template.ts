import { extname } from "node:path";
import { recognizeTemplate } from "../../core/import/recognize-template";
import type { Template } from "../../core/model/template";
import { readReportFile, REPORT_EXTENSION } from "../storage/report-file";
import { DEFAULT_TEMPLATE_ID, listTemplateIds, loadTemplate } from "../templates/template-store";
import { readSourceDocument } from "./read-source-document";

/**
 * The template a file to import is read against: the one asked for; a .nianbao file's own; else
 * the one whose title, headings and tables the document matches best (the 法治 report on a tie).
 */
export async function chooseImportTemplate(path: string, requested: string | undefined, templatesDir?: string): Promise<Template> {
  if (requested !== undefined) return loadTemplate(requested, templatesDir);
  if (extname(path).toLowerCase() === REPORT_EXTENSION) {
    const { report } = await readReportFile(path);
    return loadTemplate(report.template.id, templatesDir).catch(() => loadTemplate(DEFAULT_TEMPLATE_ID, templatesDir));
  }
  const fallback = await loadTemplate(DEFAULT_TEMPLATE_ID, templatesDir);
  const others = await Promise.all(
    (await listTemplateIds(templatesDir)).filter((id) => id !== DEFAULT_TEMPLATE_ID).map((id) => loadTemplate(id, templatesDir)),
  );
  const { blocks } = await readSourceDocument(path);
  return recognizeTemplate(blocks, [fallback, ...others]);
}
