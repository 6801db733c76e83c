import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocNode } from "../../../core/model/doc";
import type { PartId } from "../../../core/model/part-id";
import { Report } from "../../../core/model/report";
import { importReportFile } from "../../../host/import/import-report-file";
import { saveReportFile } from "../../../host/storage/report-file";
import { fixedDeps } from "../../support/deps";
import { fazhiTemplate } from "../../support/template";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";

/** The Mudu 2023 report rolled forward to 2024, as `nianbao import --roll-forward` makes it. */
export async function rolledForwardFixture(): Promise<Report> {
  return (await importReportFile(FIXTURE_MARKDOWN, { template: fazhiTemplate(), deps: fixedDeps(), rollForward: true })).report;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "nianbao-compare-"));
}

export async function saved(report: Report, dir: string, name = "r.nianbao"): Promise<string> {
  const path = join(dir, name);
  await saveReportFile(path, report);
  return path;
}

/** The body paragraphs of a part as [index in the body, index in the part]. */
export function paragraphPaths(body: DocNode, partId: PartId): [number, number][] {
  const i = body.content.findIndex((n) => n.type === "part" && n.attrs.partId === partId);
  const part = body.content[i];
  if (part?.type !== "part") throw new Error(`no part ${partId}`);
  return part.content.flatMap((b, j): [number, number][] => (b.type === "paragraph" ? [[i, j]] : []));
}

type Edit = { replace: [string, string] } | { rewrite: string } | { delete: true } | { append: string };

/** The report with one paragraph of a part edited (in its text or rewritten), deleted, or a paragraph added after it. */
export function edited(report: Report, partId: PartId, nth: number, edit: Edit): Report {
  const body = JSON.parse(JSON.stringify(report.body)) as DocNode;
  const [i, j] = paragraphPaths(body, partId)[nth] ?? [-1, -1];
  const part = body.content[i];
  if (part?.type !== "part") throw new Error(`no paragraph ${nth} in ${partId}`);
  if ("delete" in edit) {
    part.content.splice(j, 1);
  } else if ("rewrite" in edit) {
    part.content[j] = { type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: edit.rewrite }] };
  } else if ("append" in edit) {
    part.content.splice(j + 1, 0, { type: "paragraph", attrs: { carried: false }, content: [{ type: "text", text: edit.append }] });
  } else {
    const paragraph = part.content[j];
    const node =
      paragraph?.type === "paragraph" ? paragraph.content?.find((n) => n.type === "text" && n.text.includes(edit.replace[0])) : undefined;
    if (node?.type !== "text") throw new Error(`"${edit.replace[0]}" not in paragraph ${nth} of ${partId}`);
    node.text = node.text.replace(edit.replace[0], edit.replace[1]);
  }
  return Report.parse({ ...report, body });
}
