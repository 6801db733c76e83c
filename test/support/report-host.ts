import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportApi, type ReportApi } from "../../core/api/contract";
import { createClient } from "../../core/rpc/client";
import { createDispatcher, type Dispatch } from "../../core/rpc/dispatcher";
import { createPathGuard } from "../../host/services/path-guard";
import { createHostServices } from "../../host/services/host-services";
import type { HostDialogs } from "../../host/services/report-service";
import { fixedDeps } from "./deps";
import { repoRoot } from "./template";

export interface TestHost {
  /** The folder the user "chose": the only place the service reads and writes reports. */
  docs: string;
  state: string;
  dispatch: Dispatch;
  /** The in-process transport: structuredClone stands in for the IPC/HTTP serialisation boundary. */
  api: ReportApi;
}

/** The real report service over temp folders, behind the real dispatcher. */
export async function createTestHost(options: { dialogs?: HostDialogs } = {}): Promise<TestHost> {
  const base = mkdtempSync(join(tmpdir(), "nianbao-host-"));
  const docs = join(base, "报告");
  const state = join(base, "state");
  mkdirSync(docs);
  const service = createHostServices({
    mode: options.dialogs === undefined ? "browser" : "electron",
    guard: await createPathGuard([docs]),
    stateDir: state,
    clock: fixedDeps(),
    appVersion: "test",
    templatesDir: join(repoRoot, "templates"),
    ...(options.dialogs === undefined ? {} : { dialogs: options.dialogs }),
  });
  const dispatch = createDispatcher(reportApi, service);
  const api = createClient(reportApi, (name, payload) => dispatch(name, structuredClone(payload)));
  return { docs, state, dispatch, api };
}
