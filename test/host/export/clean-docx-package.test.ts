import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { PROFILE_PRESETS } from "../../../core/export-model/profile-presets";
import { cleanDocxPackage } from "../../../host/export/clean-docx-package";
import { buildExportModel } from "../../../core/export-model/build-export-model";
import { writeDocx } from "../../../host/export/write-docx";
import { fixtureReport } from "../../support/report-from-markdown";
import { fazhiTemplate } from "../../support/template";

function xmlParts(zip: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(zip)).map(([name, data]) => [name, strFromU8(data)]));
}

/** Python's zipfile, a reader that shares no code with fflate, checks every entry's CRC. */
function zipTestedByPython(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-zip-"));
  try {
    writeFileSync(join(dir, "a.docx"), zip);
    const r = spawnSync(
      "python3",
      ["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip() or 'ok', len(z.namelist()))", join(dir, "a.docx")],
      { encoding: "utf8" },
    );
    return r.stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the .docx package rewrite", () => {
  it("cleans a package docx has already zipped (the fallback when its compiler is out of reach)", async () => {
    const profile = PROFILE_PRESETS.strict;
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun("法治政府建设")] })] }] });
    const raw = new Uint8Array(await Packer.toBuffer(doc));
    expect(strFromU8(unzipSync(raw)["word/theme/theme1.xml"] ?? new Uint8Array())).toMatch(/Calibri/);

    const cleaned = xmlParts(cleanDocxPackage(raw, profile));
    expect(cleaned.get("word/theme/theme1.xml")).not.toMatch(/Calibri|等线/);
    expect(cleaned.get("word/theme/theme1.xml")).toMatch(/<a:ea typeface="仿宋_GB2312"/);
    expect(cleaned.get("word/document.xml")).toContain("法治政府建设");
    // Same parts, same order, as docx wrote them.
    expect([...cleaned.keys()]).toEqual(Object.keys(unzipSync(raw)));
  });

  it("writes an archive other zip readers accept, entry by entry", async () => {
    const zip = await writeDocx(buildExportModel(fixtureReport(), fazhiTemplate(), {}));
    const [verdict, count] = zipTestedByPython(zip).split(" ");
    expect(verdict).toBe("ok");
    expect(Number(count)).toBe(Object.keys(unzipSync(zip)).length);
  });
});
