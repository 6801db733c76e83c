import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { NianbaoError } from "../../core/errors/nianbao-error";
import { createReport } from "../../core/model/create-report";
import type { Report } from "../../core/model/report";
import { loadReportFile, saveReportFile, serializeReport } from "../../host/storage/report-file";
import { bundleForNode } from "../support/bundle-for-node";
import { fixedDeps } from "../support/deps";
import { rejectionOf } from "../support/error-code";
import { fazhiTemplate, repoRoot } from "../support/template";

const tempDir = () => mkdtempSync(join(tmpdir(), "nianbao-file-"));

function sampleReport(year = 2024): Report {
  return createReport(fazhiTemplate(), { org: "吴中区木渎镇人民政府", year }, fixedDeps());
}

function loadError(path: string): Promise<NianbaoError> {
  return rejectionOf(loadReportFile(path));
}

describe(".nianbao save and load", () => {
  it("round-trips a report exactly, byte for byte", async () => {
    const path = join(tempDir(), "2024.nianbao");
    const report = sampleReport();
    await saveReportFile(path, report);
    const loaded = await loadReportFile(path);
    expect(loaded.report).toEqual(report);
    expect(loaded.migratedFrom).toBeNull();
    expect(serializeReport(loaded.report)).toBe(readFileSync(path, "utf8"));
  });

  it("keeps the previous version as .bak and leaves no temp files", async () => {
    const dir = tempDir();
    const path = join(dir, "r.nianbao");
    await saveReportFile(path, sampleReport(2023));
    await saveReportFile(path, sampleReport(2024));
    expect((await loadReportFile(path)).report.meta.reportYear).toBe(2024);
    expect((await loadReportFile(`${path}.bak`)).report.meta.reportYear).toBe(2023);
    expect(readdirSync(dir).sort()).toEqual(["r.nianbao", "r.nianbao.bak"]);
  });

  it("refuses to write an invalid report and leaves the file as it was", async () => {
    const path = join(tempDir(), "r.nianbao");
    await saveReportFile(path, sampleReport(2023));
    const before = readFileSync(path, "utf8");
    const broken = { ...sampleReport(), meta: { ...sampleReport().meta, reportYear: 12 } };
    await expect(saveReportFile(path, broken)).rejects.toMatchObject({ code: "invalid_input" });
    expect(readFileSync(path, "utf8")).toBe(before);
  });

  it("reports a damaged file clearly and offers the .bak", async () => {
    const path = join(tempDir(), "r.nianbao");
    await saveReportFile(path, sampleReport(2023));
    await saveReportFile(path, sampleReport(2024));
    writeFileSync(path, readFileSync(path, "utf8").slice(0, 500));
    const error = await loadError(path);
    expect(error.code).toBe("file_corrupt");
    expect(error.zh).toContain("文件已损坏");
    expect(error.zh).toContain(`${path}.bak`);
    expect(error.hint).toBe(`${path}.bak`);
  });

  it("names the problem for an empty file, a missing file, a wrong schema and a newer version", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.nianbao"), "");
    expect((await loadError(join(dir, "empty.nianbao"))).zh).toContain("文件为空");
    expect((await loadError(join(dir, "missing.nianbao"))).code).toBe("not_found");
    writeFileSync(join(dir, "wrong.nianbao"), JSON.stringify({ schemaVersion: 1, id: "x" }));
    expect((await loadError(join(dir, "wrong.nianbao"))).code).toBe("file_corrupt");
    writeFileSync(join(dir, "future.nianbao"), JSON.stringify({ ...sampleReport(), schemaVersion: 99 }));
    const future = await loadError(join(dir, "future.nianbao"));
    expect(future.code).toBe("file_too_new");
  });

  it("opens a prototype (v0) file through migration", async () => {
    const loaded = await loadReportFile(join(repoRoot, "test/fixtures/v0/prototype-2023.nianbao"));
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.report.fields["closureRate"]?.value).toBe("93.26");
  });
});

describe("a save killed by SIGKILL", () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleForNode(join(repoRoot, "test/host/support/save-and-hang.ts"));
  });

  async function killDuring(stage: "beforeRename" | "afterSave"): Promise<{ path: string; old: Report; next: Report }> {
    const dir = tempDir();
    const path = join(dir, "r.nianbao");
    const old = sampleReport(2023);
    const next = sampleReport(2024);
    await saveReportFile(path, old);
    const source = join(dir, "next.json");
    writeFileSync(source, JSON.stringify(next));
    const proc = spawn(process.execPath, [child, path, source, stage], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      proc.on("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    const exited = new Promise((resolve) => proc.on("exit", (_code, signal) => resolve(signal)));
    proc.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    return { path, old, next };
  }

  it("between write and rename leaves the old version, loadable", async () => {
    const { path, old } = await killDuring("beforeRename");
    expect((await loadReportFile(path)).report).toEqual(old);
  });

  it("after the rename leaves the new version, loadable", async () => {
    const { path, next } = await killDuring("afterSave");
    expect((await loadReportFile(path)).report).toEqual(next);
  });
});
