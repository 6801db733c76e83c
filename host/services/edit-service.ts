import { NianbaoError } from "../../core/errors/nianbao-error";
import type { EditMethodsServer } from "../../core/api/contract";
import { applyEdits } from "../../core/edits/apply-edit";
import type { CoreDeps } from "../../core/model/deps";
import { loadTemplate } from "../templates/template-store";
import { updateReportFile } from "../workflow/save-report-guarded";
import type { PathGuard } from "./path-guard";

export interface EditServiceDeps {
  guard: PathGuard;
  clock: Pick<CoreDeps, "now">;
  templatesDir?: string;
}

/** Implements the contract's edits of a report file: load, core/edits, guarded save, as one locked step. */
export function createEditService(deps: EditServiceDeps): EditMethodsServer {
  return {
    editReportFile: async ({ path, edits }) => {
      const real = await deps.guard.check(path);
      // Under the report's lock: a second writer between our read and our save cannot lose its change.
      const next = await updateReportFile(real, async ({ report }) => {
        const template = await loadTemplate(report.template.id, deps.templatesDir);
        try {
          return applyEdits(report, edits, { now: deps.clock.now, template });
        } catch (error) {
          if (error instanceof NianbaoError)
            throw new NianbaoError(
              error.code,
              `${error.zh.replace(/[。；]?$/, "。")}文件未改动。`,
              `${error.message}; the file was not changed`,
              error.hint === null ? {} : { hint: error.hint },
            );
          throw error;
        }
      });
      return { report: next, path: real };
    },
  };
}
