import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../support/run-cli";
import { documentXml } from "../../support/tracked-changes";
import { repoRoot } from "../../support/template";
import { FIXTURE_MARKDOWN } from "../../support/report-from-markdown";

describe("nianbao export of a Word or text report", () => {
  it("imports the Markdown fixture as it is and writes it in the GB/T 9704 layout", () => {
    const out = join(mkdtempSync(join(tmpdir(), "nianbao-export-md-")), "mudu.docx");
    const r = runCli(["export", FIXTURE_MARKDOWN, "--docx", out, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ docx: out, pdf: null });
    const xml = documentXml(out);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("2023年度木渎镇法治政府建设工作报告");
    expect(text).toContain("二、本年度推进法治政府建设的主要举措和成效");
    expect(text).toContain("超 36 万件");
    expect(text).toContain("同比增长 17.48%");
    expect(text).toContain("吴中区木渎镇人民政府");
  });

  it("refuses a legacy .doc with a message to save it as .docx", () => {
    const r = runCli(["export", join(repoRoot, "test/fixtures/report.doc"), "--docx", join(tmpdir(), "x.docx")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(".docx");
    expect(r.stderr).toContain("Error:");
  });
});
