import type { CliIo } from "./cli-io";

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** A server that runs until stopped, rather than one job and exit. */
  longRunning?: boolean;
  /** Loaded on demand so that each command pays only for the modules it needs. */
  load: () => Promise<{ run: (args: string[], io: CliIo) => Promise<number> }>;
}
