import { getSchema } from "@tiptap/core";
import { Node as PmNode, type Schema } from "@tiptap/pm/model";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { NianbaoError } from "../errors/nianbao-error";
import { Report } from "../model/report";
import { reportExtensions } from "../schema/report-extensions";

/*
 * One report as one Yjs document, so text, numbers, sign-off and review marks sync (and undo)
 * together. The body is the fragment TipTap's collaboration extension binds to ("default"); the
 * rest are maps of plain JSON values: a key is the unit two people can change at once without
 * one overwriting the other (one field, one meta entry).
 */
export const BODY_FRAGMENT = "default";
export const FIELDS_MAP = "fields";
export const META_MAP = "meta";
/** Everything else of the report: workflow, revisions, signatures, plans, identity, timestamps. */
export const REPORT_MAP = "report";
/** Who wrote with which Yjs client id (written by the team server only, from the token): "since you last opened, 王小明 changed…". */
export const AUTHORS_MAP = "authors";

export const REPORT_KEYS = [
  "schemaVersion",
  "id",
  "template",
  "lastYear",
  "plans",
  "workflow",
  "revisions",
  "signatures",
  "createdAt",
  "updatedAt",
] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];

let schema: Schema | null = null;

/** The ProseMirror schema of the report body (the same extensions as the editor). */
export function reportSchema(): Schema {
  schema ??= getSchema(reportExtensions(() => undefined));
  return schema;
}

/** Plain JSON: Yjs stores neither `undefined` nor class instances. */
function plain<T>(value: T): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  const next = plain(value);
  if (JSON.stringify(map.get(key)) !== JSON.stringify(next)) map.set(key, next);
}

/**
 * Makes the document say what `report` says, changing only what differs (a body edit touches
 * only the blocks that changed, a field only its own key), as one transaction with `origin`.
 */
export function writeReportToYDoc(doc: Y.Doc, report: Report, origin: unknown = null): void {
  doc.transact(() => {
    const body = PmNode.fromJSON(reportSchema(), report.body);
    updateYFragment(doc, doc.getXmlFragment(BODY_FRAGMENT), body, { mapping: new Map(), isOMark: new Map() });
    writeReportDetailsToYDoc(doc, report, origin);
  }, origin);
}

/** The report keys a member writes into the shared document; the rest (workflow, revisions, signatures, timestamps) is the server's. */
export const MEMBER_REPORT_KEYS: readonly ReportKey[] = ["plans"];

/**
 * writeReportToYDoc for everything but the body (a sign-off step, which never changes the text);
 * `reportKeys` limits which of the report map's keys are written.
 */
export function writeReportDetailsToYDoc(
  doc: Y.Doc,
  report: Report,
  origin: unknown = null,
  reportKeys: readonly ReportKey[] = REPORT_KEYS,
): void {
  doc.transact(() => {
    const fields = doc.getMap<unknown>(FIELDS_MAP);
    for (const key of [...fields.keys()]) if (!(key in report.fields)) fields.delete(key);
    for (const [key, field] of Object.entries(report.fields)) setIfChanged(fields, key, field);
    const meta = doc.getMap<unknown>(META_MAP);
    const metaRecord: Record<string, unknown> = report.meta;
    for (const key of [...meta.keys()]) if (!(key in metaRecord) || metaRecord[key] === undefined) meta.delete(key);
    for (const [key, value] of Object.entries(metaRecord)) if (value !== undefined) setIfChanged(meta, key, value);
    const rest = doc.getMap<unknown>(REPORT_MAP);
    for (const key of reportKeys) setIfChanged(rest, key, report[key]);
  }, origin);
}

/**
 * The report a document holds, validated like a file: a document that is not a valid report is
 * refused. `body`: the body as an editor bound to the fragment already holds it (not read again).
 */
export function readReportFromYDoc(doc: Y.Doc, body: unknown = readBody(doc)): Report {
  const rest = doc.getMap<unknown>(REPORT_MAP).toJSON() as Record<string, unknown>;
  const parsed = Report.safeParse({
    ...rest,
    meta: doc.getMap<unknown>(META_MAP).toJSON(),
    fields: doc.getMap<unknown>(FIELDS_MAP).toJSON(),
    body,
  });
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new NianbaoError("file_invalid", `协同文档不是有效的报告：${detail}`, `the shared document is not a valid report: ${detail}`);
  }
  return parsed.data;
}

function readBody(doc: Y.Doc): unknown {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), reportSchema()).toJSON() as unknown;
}
