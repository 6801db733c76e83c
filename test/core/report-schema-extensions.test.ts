import { getSchema } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import { migrateReport } from "../../core/model/migrate-report";
import { reportExtensions } from "../../core/schema/report-extensions";
import { fixedDeps } from "../support/deps";
import { fazhiTemplate, repoRoot } from "../support/template";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const schema = getSchema(reportExtensions(() => undefined));

describe("the TipTap schema shared by editor and exporters", () => {
  it("accepts the body of a new report as a valid ProseMirror document", () => {
    const report = createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
    const doc = PMNode.fromJSON(schema, report.body);
    doc.check();
    expect(doc.childCount).toBe(4);
    expect(doc.child(0).type.name).toBe("part");
  });

  it("accepts field atoms and round-trips them through ProseMirror JSON", () => {
    const { report } = migrateReport(JSON.parse(readFileSync(join(repoRoot, "test/fixtures/v0/prototype-2023.nianbao"), "utf8")));
    const doc = PMNode.fromJSON(schema, report.body);
    doc.check();
    const json = doc.toJSON() as { content: { content: { content?: { type: string; attrs?: unknown }[] }[] }[] };
    const fieldNodes = json.content[0]!.content[1]!.content!.filter((n) => n.type === "reportField");
    expect(fieldNodes.map((n) => n.attrs)).toEqual([
      { fieldId: "petitions", show: "value" },
      { fieldId: "closureRate", show: "value" },
    ]);
  });

  it("refuses a part that does not open with a heading", () => {
    const bad = { type: "doc", content: [{ type: "part", attrs: { partId: "duty" }, content: [{ type: "paragraph" }] }] };
    expect(() => PMNode.fromJSON(schema, bad).check()).toThrow();
  });
});
