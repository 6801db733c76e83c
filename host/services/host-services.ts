import type { ReportApiServer } from "../../core/api/contract";
import { createCollectService } from "./collect-service";
import { createEditService } from "./edit-service";
import { createExportService, type ExportServiceDeps } from "./export-service";
import { createImportService } from "./import-service";
import { createReportService, type ReportServiceDeps } from "./report-service";

export type HostServiceDeps = ReportServiceDeps & Omit<ExportServiceDeps, "guard" | "templatesDir"> & { uploadDir?: string };

/**
 * Everything behind the contract, composed once for all front doors (Electron main, the loopback
 * host, tests). A feature adds its method group to core/api/contract.ts and its service here;
 * the type checker names any method left unimplemented.
 */
export function createHostServices(deps: HostServiceDeps): ReportApiServer {
  return {
    ...createReportService(deps),
    ...createImportService(deps),
    ...createExportService(deps),
    ...createEditService(deps),
    ...createCollectService(deps),
  };
}
