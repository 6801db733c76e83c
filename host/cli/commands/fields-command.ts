import { resolve } from "node:path";
import { z } from "zod";
import type { ReportEdit } from "../../../core/edits/report-edit";
import { describeReport, type DescribedField } from "../../../core/inspect/describe-report";
import { Qualifier, type FieldAnswer } from "../../../core/model/field";
import { loadReportFile } from "../../storage/report-file";
import { EXIT_OK, type CliIo } from "../cli-io";
import { editClient } from "../edit-client";
import { parseCliArgs } from "../parse-cli-args";

const USAGE =
  "nianbao fields <file> [--json] [--set <id>=<value>]… [--qualifier <id>=<超|约|余|近|累计|以上|无>]… [--numerals <id>=digits|chinese]… [--confirm <id>]… [--unconfirm <id>]… [--source <id>=<填报部门>]…";

const QUALIFIER_WORDS = [...Qualifier.options.filter((q) => q !== "none"), "无"] as const;

const Args = z.object({
  json: z.boolean().default(false),
  set: z.array(z.string().regex(/^[^=]+=.*$/, "--set 须写作 <字段编号>=<数值>，如 --set accepted=超36万")).default([]),
  qualifier: z
    .array(
      z
        .string()
        .regex(new RegExp(`^[^=]+=(${QUALIFIER_WORDS.join("|")})$`), `--qualifier 须写作 <字段编号>=<${QUALIFIER_WORDS.join("|")}>`),
    )
    .default([]),
  numerals: z
    .array(z.string().regex(/^[^=]+=(?:digits|chinese)$/u, "--numerals 须写作 <字段编号>=digits 或 =chinese，如 --numerals f10=chinese"))
    .default([]),
  source: z
    .array(z.string().regex(/^[^=]+=.*$/, "--source 须写作 <字段编号>=<填报部门>，如 --source f16=信访办（=后留空则取消）"))
    .default([]),
  confirm: z.array(z.string().min(1)).default([]),
  unconfirm: z.array(z.string().min(1)).default([]),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

/** The shape `fields --json` prints, one object per field. */
export type FieldListing = Pick<
  DescribedField,
  | "id"
  | "label"
  | "text"
  | "value"
  | "lastYearValue"
  | "lastYearText"
  | "unit"
  | "qualifier"
  | "percent"
  | "yoy"
  | "status"
  | "table"
  | "computed"
> & {
  /** The department asked for the number (数据征集), or null. */
  source: string | null;
  /** Departments' answers read from returned workbooks, oldest first. */
  provenance: FieldAnswer[];
};

/**
 * Lists the fields, or changes them through the contract's editReportFile (the app's 应用 and
 * 确认数值 semantics: a changed value is unconfirmed until --confirm).
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      json: { type: "boolean" },
      set: { type: "string", multiple: true },
      qualifier: { type: "string", multiple: true },
      numerals: { type: "string", multiple: true },
      confirm: { type: "string", multiple: true },
      unconfirm: { type: "string", multiple: true },
      source: { type: "string", multiple: true },
    },
    Args,
    USAGE,
  );
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  const edits = editsOf(opts);
  const report =
    edits.length > 0 ? (await (await editClient(io, path)).editReportFile({ path, edits })).report : (await loadReportFile(path)).report;
  const fields: FieldListing[] = describeReport(report).fields.map(
    ({ id, label, text, value, lastYearValue, lastYearText, unit, qualifier, percent, yoy, status, computed, table }) => ({
      id,
      label,
      text,
      value,
      lastYearValue,
      lastYearText,
      unit,
      qualifier,
      percent,
      yoy,
      status,
      // The fields of the text keep the documented shape; table cells add where they sit.
      ...(table === undefined ? {} : { table, computed }),
      source: report.fields[id]?.source ?? null,
      provenance: report.fields[id]?.provenance ?? [],
    }),
  );
  io.out(opts.json ? `${JSON.stringify(fields, null, 2)}\n` : renderText(fields));
  return EXIT_OK;
}

/** In the order a clerk would do it: qualifiers and numerals, then values, then confirmations. */
function editsOf(opts: z.infer<typeof Args>): ReportEdit[] {
  const split = (assignment: string): [string, string] => {
    const at = assignment.indexOf("=");
    return [assignment.slice(0, at).trim(), assignment.slice(at + 1)];
  };
  return [
    ...opts.qualifier.map((a): ReportEdit => {
      const [fieldId, word] = split(a);
      return { type: "changeField", fieldId, qualifier: word === "无" ? "none" : Qualifier.parse(word) };
    }),
    ...opts.numerals.map((a): ReportEdit => {
      const [fieldId, form] = split(a);
      return { type: "changeField", fieldId, numerals: form === "chinese" ? "chinese" : "digits" };
    }),
    ...opts.source.map((a): ReportEdit => {
      const [fieldId, department] = split(a);
      return { type: "changeField", fieldId, source: department.trim() === "" ? null : department };
    }),
    ...opts.set.map((a): ReportEdit => {
      const [fieldId, input] = split(a);
      return { type: "changeField", fieldId, input };
    }),
    ...opts.confirm.map((id): ReportEdit => ({ type: "changeField", fieldId: id.trim(), confirm: true })),
    ...opts.unconfirm.map((id): ReportEdit => ({ type: "changeField", fieldId: id.trim(), confirm: false })),
  ];
}

function renderText(fields: readonly FieldListing[]): string {
  if (fields.length === 0) return "本报告还没有字段。\n";
  const lines = fields.map((f) => {
    const last = `${f.lastYearText === null ? "" : `  上年 ${f.lastYearText}`}${f.source === null ? "" : `  来源 ${f.source}`}`;
    return `${f.computed === true ? "=" : f.status === "confirmed" ? "✓" : "?"} ${f.id}  ${f.label}：${f.text ?? "（无数值）"}${last}${f.yoy === null ? "" : `  ${f.yoy}`}`;
  });
  const unconfirmed = fields.filter((f) => f.computed !== true && f.status === "unconfirmed").length;
  return [...lines, "", `共 ${fields.length} 个字段，未确认 ${unconfirmed} 个（✓ 已确认，? 未确认，= 自动计算的合计）`, ""].join("\n");
}
