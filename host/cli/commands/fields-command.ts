import { resolve } from "node:path";
import { z } from "zod";
import { NianbaoError } from "../../../core/api/errors";
import { applyTypedValue } from "../../../core/fields/apply-typed-value";
import { withNumerals } from "../../../core/fields/with-numerals";
import { describeReport, type DescribedField } from "../../../core/inspect/describe-report";
import type { Report } from "../../../core/model/report";
import { loadReportFile } from "../../storage/report-file";
import { saveReportGuarded } from "../../workflow/save-report-guarded";
import { assertEditable } from "../../../core/workflow/assert-editable";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";

const USAGE = "nianbao fields <file> [--json] [--set <id>=<value>]… [--confirm <id>]… [--numerals <id>=digits|chinese]…";

const Args = z.object({
  json: z.boolean().default(false),
  set: z.array(z.string().regex(/^[^=]+=.*$/, "--set 须写作 <字段编号>=<数值>，如 --set accepted=超36万")).default([]),
  confirm: z.array(z.string().min(1)).default([]),
  numerals: z.array(z.string().regex(/^[^=]+=(?:digits|chinese)$/u, "--numerals 须写作 <字段编号>=digits 或 =chinese，如 --numerals f10=chinese")).default([]),
  positionals: z.array(z.string()).length(1, "须指定一个文件"),
});

/** The shape `fields --json` prints, one object per field. */
export type FieldListing = Pick<DescribedField, "id" | "label" | "text" | "value" | "lastYearValue" | "lastYearText" | "unit" | "qualifier" | "percent" | "yoy" | "status">;

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    { json: { type: "boolean" }, set: { type: "string", multiple: true }, confirm: { type: "string", multiple: true }, numerals: { type: "string", multiple: true } },
    Args,
    USAGE,
  );
  const path = resolve(io.cwd, opts.positionals[0] ?? "");
  let { report } = await loadReportFile(path);
  if (opts.set.length > 0 || opts.confirm.length > 0 || opts.numerals.length > 0) {
    report = updated(report, opts.set, opts.confirm, opts.numerals);
    await saveReportGuarded(path, report);
  }
  const fields: FieldListing[] = describeReport(report).fields.map(({ id, label, text, value, lastYearValue, lastYearText, unit, qualifier, percent, yoy, status }) => ({
    id, label, text, value, lastYearValue, lastYearText, unit, qualifier, percent, yoy, status,
  }));
  io.out(opts.json ? `${JSON.stringify(fields, null, 2)}\n` : renderText(fields));
  return EXIT_OK;
}

/** All edits or none: the first refused value stops the command before anything is written. */
function updated(report: Report, sets: readonly string[], confirms: readonly string[], numerals: readonly string[]): Report {
  assertEditable(report);
  const fields = { ...report.fields };
  const fieldOf = (id: string) => {
    const field = fields[id];
    if (field) return field;
    const known = Object.keys(fields);
    throw new NianbaoError(
      "not_found",
      `没有编号为“${id}”的字段。现有字段：${known.join("、") || "（无）"}`,
      `no field with id "${id}"; fields: ${known.join(", ") || "(none)"}`,
    );
  };
  for (const assignment of sets) {
    const split = assignment.indexOf("=");
    const id = assignment.slice(0, split).trim();
    const result = applyTypedValue(fieldOf(id), assignment.slice(split + 1));
    if (!result.ok) throw new NianbaoError("invalid_input", `${result.zh}。文件未改动。`, `${result.en}; the file was not changed`);
    fields[id] = result.field;
  }
  for (const choice of numerals) {
    const [id = "", form] = choice.split("=");
    fields[id.trim()] = withNumerals(fieldOf(id.trim()), form === "chinese" ? "chinese" : "digits");
  }
  for (const id of confirms) {
    const field = fieldOf(id.trim());
    if (field.value === null) {
      throw new NianbaoError("invalid_input", `“${field.label}”尚无数值，不能确认。文件未改动。`, `field ${field.id} has no value and cannot be confirmed; the file was not changed`);
    }
    fields[field.id] = { ...field, status: "confirmed" };
  }
  return { ...report, fields, updatedAt: new Date().toISOString() };
}

function renderText(fields: readonly FieldListing[]): string {
  if (fields.length === 0) return "本报告还没有字段。\n";
  const lines = fields.map((f) => {
    const last = f.lastYearText === null ? "" : `  上年 ${f.lastYearText}`;
    return `${f.status === "confirmed" ? "✓" : "?"} ${f.id}  ${f.label}：${f.text ?? "（无数值）"}${last}${f.yoy === null ? "" : `  ${f.yoy}`}`;
  });
  const unconfirmed = fields.filter((f) => f.status === "unconfirmed").length;
  return [...lines, "", `共 ${fields.length} 个字段，未确认 ${unconfirmed} 个（✓ 已确认，? 未确认）`, ""].join("\n");
}
