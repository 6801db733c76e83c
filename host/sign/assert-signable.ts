import { assertNoSignOffBlockers } from "../../core/edits/sign-off-gate";
import type { Report } from "../../core/model/report";
import { localIso } from "../../core/text/local-iso";
import { loadTemplate } from "../templates/template-store";

/** Signing sends the report out as it is: refused while `check` reports errors, as 签发 is. */
export async function assertSignable(report: Report, at: Date, templatesDir?: string): Promise<void> {
  assertNoSignOffBlockers(report, await loadTemplate(report.template.id, templatesDir), localIso(at).slice(0, 10), "sign");
}
