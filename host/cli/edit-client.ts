import { dirname } from "node:path";
import { NianbaoError } from "../../core/errors/nianbao-error";
import { editMethods, type ClientOf } from "../../core/api/contract";
import { createClient } from "../../core/rpc/client";
import { createDispatcher } from "../../core/rpc/dispatcher";
import { createEditService } from "../services/edit-service";
import { createPathGuard } from "../services/path-guard";
import type { CliIo } from "./cli-io";

/**
 * The contract's edit methods in process, for the CLI's edit commands: the same dispatcher (input
 * and output validated) and service the app's host runs, allowed only the folder of the file named.
 */
export async function editClient(io: CliIo, file: string): Promise<ClientOf<typeof editMethods>> {
  const guard = await createPathGuard([dirname(file)]).catch((error: unknown) => {
    throw new NianbaoError("not_found", `找不到文件夹：${dirname(file)}`, `no such folder: ${dirname(file)}`, { cause: error });
  });
  const service = createEditService({ guard, clock: io.clock });
  const dispatch = createDispatcher(editMethods, service);
  return createClient(editMethods, dispatch);
}
