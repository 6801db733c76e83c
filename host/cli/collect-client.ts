import { collectMethods, type ClientOf } from "../../core/api/contract";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { createClient } from "../../core/rpc/client";
import { createDispatcher } from "../../core/rpc/dispatcher";
import { createCollectService } from "../services/collect-service";
import { createPathGuard } from "../services/path-guard";
import type { CliIo } from "./cli-io";

/** The contract's collect methods in process, allowed to touch only `folders`: what the app calls over IPC or HTTP. */
export async function collectClient(io: CliIo, folders: readonly string[]): Promise<ClientOf<typeof collectMethods>> {
  const unique = [...new Set(folders)];
  const guard = await createPathGuard(unique).catch((error: unknown) => {
    throw new NianbaoError("not_found", `找不到文件夹：${unique.join("、")}`, `no such folder: ${unique.join(", ")}`, { cause: error });
  });
  const dispatch = createDispatcher(collectMethods, createCollectService({ guard, clock: io.clock }));
  return createClient(collectMethods, dispatch);
}
