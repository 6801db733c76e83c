import { NianbaoError } from "../../core/errors/nianbao-error";
import { systemErrorMessage } from "../../core/errors/system-error";
import type { CoreDeps } from "../../core/model/deps";

/** What a command writes to; tests pass buffers, the binary passes process streams. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock and ids every command stamps with: the system's in the binary, a fixed one in tests. */
  clock: CoreDeps;
}

export { EXIT_ERROR, EXIT_NEGATIVE, EXIT_OK } from "./exit-codes";

export function usageError(zh: string, en: string): NianbaoError {
  return new NianbaoError("invalid_input", zh, en);
}

/** Both languages: the Chinese for the clerk, the English for whoever reads the log. */
export function printError(io: CliIo, error: unknown): void {
  if (error instanceof NianbaoError) {
    io.err(`错误：${error.zh}\nError: ${error.message}\n`);
    return;
  }
  // The last line of defence: an operating-system error no command wrapped, still in words.
  const system = systemErrorMessage(error);
  if (system !== null) {
    io.err(`错误：${system.zh}\nError: ${system.en}\n`);
    return;
  }
  const en = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`错误：程序内部错误。\nError: internal error: ${en}\n`);
}
