import { dirname } from "node:path";
import type { CollectMethodsServer } from "../../core/api/contract";
import type { CoreDeps } from "../../core/model/deps";
import { loadReportFile } from "../storage/report-file";
import { importAnswers } from "../collect/import-answers";
import { writeDataRequests } from "../collect/write-data-requests";
import type { PathGuard } from "./path-guard";

export interface CollectServiceDeps {
  guard: PathGuard;
  clock: CoreDeps;
  templatesDir?: string;
}

/** 数据征集: data-request workbooks out, returned ones read back (host/collect). */
export function createCollectService(deps: CollectServiceDeps): CollectMethodsServer {
  return {
    writeDataRequests: async ({ path, outDir, force }) => {
      const real = await deps.guard.check(path);
      // The folder itself may not exist yet: its parent must be one the user chose.
      const out = await deps.guard.check(outDir);
      await deps.guard.check(dirname(out));
      const { report } = await loadReportFile(real);
      return writeDataRequests(report, out, { force, clock: deps.clock });
    },
    importAnswers: async ({ path, files, acceptFormulas }) => {
      const real = await deps.guard.check(path);
      const checked: string[] = [];
      for (const file of files) checked.push(await deps.guard.check(file));
      const done = await importAnswers(real, checked, {
        acceptFormulas,
        clock: deps.clock,
        ...(deps.templatesDir === undefined ? {} : { templatesDir: deps.templatesDir }),
      });
      return { path: real, result: done.result, changed: done.changed };
    },
  };
}
