import { readFile } from "node:fs/promises";
import { NianbaoError } from "../../core/errors/nianbao-error";

/** Reads a file the user named; `what` names it in the message (e.g. "证书"). */
export async function readInputFile(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new NianbaoError("not_found", `找不到${what}文件：${path}`, `file not found: ${path}`, { cause: error });
  }
}
