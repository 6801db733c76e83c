import { reportApi } from "../../core/api/contract";
import type { CoreDeps } from "../../core/model/deps";
import { createDispatcher } from "../../core/rpc/dispatcher";
import { ChromiumPdfRenderer } from "../pdf/chromium-pdf-renderer";
import { createHostServices } from "../services/host-services";
import { createPathGuard } from "../services/path-guard";
import { createUploadFolder } from "../services/upload-folder";
import { startHttpHost, type HttpHost } from "./http-host";

export interface BrowserModeHostOptions {
  /** The folders the clerk's reports may be read from and written to. */
  folders: string[];
  stateDir: string;
  rendererDir: string;
  clock: CoreDeps;
  appVersion: string;
  port?: number;
}

/**
 * Browser mode's host (`nianbao serve`): the services, the upload folder and
 * one PDF browser kept up for the whole session, so that no export or preview after the first
 * launches Chromium again (as the Electron app keeps its own). The benchmarks start the
 * app through this too.
 */
export async function startBrowserModeHost(options: BrowserModeHostOptions): Promise<HttpHost> {
  const uploads = await createUploadFolder(options.stateDir);
  const pdfRenderer = new ChromiumPdfRenderer();
  const service = createHostServices({
    mode: "browser",
    uploadDir: uploads.dir,
    pdfRenderer,
    guard: await createPathGuard(options.folders),
    stateDir: options.stateDir,
    clock: options.clock,
    appVersion: options.appVersion,
  });
  const host = await startHttpHost({
    dispatch: createDispatcher(reportApi, service),
    rendererDir: options.rendererDir,
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    ...host,
    close: async () => {
      await host.close();
      await pdfRenderer.close().catch(() => undefined);
      await uploads.remove();
    },
  };
}
