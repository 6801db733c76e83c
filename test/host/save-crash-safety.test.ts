import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createReport } from "../../core/model/create-report";
import { loadReportFile, saveReportFile } from "../../host/storage/report-file";
import { bundleForNode } from "../support/bundle-for-node";
import { fixedDeps } from "../support/deps";
import { fazhiTemplate, repoRoot } from "../support/template";

const KILLS = 100;

describe("saving under random SIGKILLs", () => {
  it(`leaves the old or the new version, always loadable, across ${KILLS} kills`, async () => {
    const child = await bundleForNode(join(repoRoot, "test/host/support/save-forever.ts"));
    const dir = mkdtempSync(join(tmpdir(), "nianbao-kill-"));
    const target = join(dir, "r.nianbao");
    const a = createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2023 }, fixedDeps());
    // A large body makes each write long enough for kills to land mid-write, mid-fsync and mid-rename.
    const big = {
      ...a,
      meta: { ...a.meta, reportYear: 2024, title: "B".repeat(150) },
      body: {
        ...a.body,
        content: [
          ...Array.from({ length: 400 }, () => ({
            type: "paragraph" as const,
            attrs: { carried: false },
            content: [{ type: "text" as const, text: "法治政府建设".repeat(40) }],
          })),
          ...a.body.content,
        ],
      },
    };
    writeFileSync(join(dir, "a.json"), JSON.stringify(a));
    writeFileSync(join(dir, "b.json"), JSON.stringify(big));
    await saveReportFile(target, a);
    // Kills must land before, during and after the child's saves. How long a save takes depends on
    // the machine and its load, so the window is measured: a round of both versions, three times over.
    const scratch = join(dir, "timing.nianbao");
    const started = performance.now();
    await saveReportFile(scratch, a);
    await saveReportFile(scratch, big);
    const window = Math.max(40, 3 * (performance.now() - started));

    const seen = new Set<number>();
    for (let k = 0; k < KILLS; k++) {
      const proc = spawn(process.execPath, [child, target, join(dir, "a.json"), join(dir, "b.json")], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve) => proc.stdout.once("data", () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * window));
      const exited = new Promise((resolve) => proc.on("exit", (_code, signal) => resolve(signal)));
      proc.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const { report } = await loadReportFile(target);
      expect([2023, 2024]).toContain(report.meta.reportYear);
      expect(report).toEqual(report.meta.reportYear === 2023 ? a : big);
      seen.add(report.meta.reportYear);
    }
    // Both versions must have been observed, or the kills never landed during saves.
    expect([...seen].sort()).toEqual([2023, 2024]);
  }, 180_000);
});
