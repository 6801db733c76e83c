import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportEdit } from "../../core/edits/report-edit";
import { runCli } from "../../host/cli/main";
import type { CliIo } from "../../host/cli/cli-io";
import { loadReportFile } from "../../host/storage/report-file";
import { fixedDeps } from "../support/deps";
import { FIXTURE_MARKDOWN } from "../support/report-from-markdown";
import { createTestHost } from "../support/report-host";

/** The CLI in this process with the same fixed clock the test host runs on. */
async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: tmpdir(), env: {}, clock: fixedDeps() };
  const status = await runCli(args, io);
  return { status, out, err };
}

/** One clerk's session, as CLI arguments and as the contract's edits. */
const steps: { args: string[]; edits: ReportEdit[] }[] = [
  { args: ["fields", "--set", "f2=40万"], edits: [{ type: "changeField", fieldId: "f2", input: "40万" }] },
  {
    args: ["fields", "--set", "f1=10", "--confirm", "f1"],
    edits: [
      { type: "changeField", fieldId: "f1", input: "10" },
      { type: "changeField", fieldId: "f1", confirm: true },
    ],
  },
  {
    args: ["fields", "--qualifier", "f3=无", "--set", "f3=27%"],
    edits: [
      { type: "changeField", fieldId: "f3", qualifier: "none" },
      { type: "changeField", fieldId: "f3", input: "27%" },
    ],
  },
  {
    args: ["plans", "--item", "2", "--not-done", "--reason", "区级平台尚未上线"],
    edits: [{ type: "answerPlan", plan: 2, answer: { status: "notDone", reason: "区级平台尚未上线" } }],
  },
  {
    args: ["workflow", "submit", "--as", "王小明", "--role", "拟稿人"],
    edits: [{ type: "workflow", request: { action: "submit", person: "王小明", role: "拟稿人" } }],
  },
  {
    args: ["workflow", "review", "--as", "李科长", "--role", "审核人"],
    edits: [{ type: "workflow", request: { action: "review", person: "李科长", role: "审核人" } }],
  },
];

describe("one path for every edit", () => {
  it("leaves byte-identical files whether a sequence of edits goes through the CLI or through the contract", async () => {
    const host = await createTestHost();
    const viaCli = join(mkdtempSync(join(tmpdir(), "nianbao-edit-cli-")), "2024.nianbao");
    const imported = await cli(["import", FIXTURE_MARKDOWN, "--roll-forward", "-o", viaCli]);
    expect(imported.err).toBe("");
    const viaContract = join(host.docs, "2024.nianbao");
    copyFileSync(viaCli, viaContract);
    for (const step of steps) {
      const [command = "", ...rest] = step.args;
      const r = await cli([command, viaCli, ...rest]);
      expect(r.err, step.args.join(" ")).toBe("");
      expect(r.status).toBe(0);
      await host.api.editReportFile({ path: viaContract, edits: step.edits });
      expect(readFileSync(viaCli, "utf8"), step.args.join(" ")).toBe(readFileSync(viaContract, "utf8"));
    }
    const { report } = await loadReportFile(viaContract);
    // What the clerk expects at the end: 超 kept and unconfirmed, f1 confirmed, the plan answered, in review.
    expect(report.fields["f2"]).toMatchObject({ value: "400000", qualifier: "超", status: "unconfirmed" });
    expect(report.fields["f1"]).toMatchObject({ value: "10", status: "confirmed" });
    expect(report.fields["f3"]).toMatchObject({ value: "27", qualifier: "none", status: "unconfirmed" });
    expect(report.plans).toHaveLength(1);
    expect(report.workflow.state).toBe("review");
    expect(report.updatedAt).toBe(fixedDeps().now());
  });

  it("refuses an edit in both languages and leaves the file as it was, on both paths", async () => {
    const host = await createTestHost();
    const file = join(host.docs, "2024.nianbao");
    expect((await cli(["import", FIXTURE_MARKDOWN, "--roll-forward", "-o", file])).status).toBe(0);
    const before = readFileSync(file, "utf8");
    const r = await cli(["fields", file, "--set", "f2=40万", "--confirm", "f4"]);
    expect(r.status).toBe(2);
    expect(r.err).toContain("尚无数值，不能确认。文件未改动。");
    expect(r.err).toContain("has no value and cannot be confirmed; the file was not changed");
    await expect(host.api.editReportFile({ path: file, edits: [{ type: "changeField", fieldId: "f4", confirm: true }] })).rejects.toThrow(
      /cannot be confirmed/,
    );
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
