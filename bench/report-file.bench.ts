import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { createReport } from "../core/model/create-report";
import { loadReportFile, saveReportFile } from "../host/storage/report-file";
import { fixedDeps } from "../test/support/deps";
import { fazhiTemplate } from "../test/support/template";

const dir = mkdtempSync(join(tmpdir(), "nianbao-bench-"));
const path = join(dir, "r.nianbao");
const report = createReport(fazhiTemplate(), { org: "木渎镇人民政府", year: 2024 }, fixedDeps());
await saveReportFile(path, report);

describe(".nianbao file", () => {
  bench("atomic save (fsync + rename + .bak)", async () => {
    await saveReportFile(path, report);
  });
  bench("load + validate", async () => {
    await loadReportFile(path);
  });
});
