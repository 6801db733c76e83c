import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./template";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `nianbao` binary as a user would (`npx nianbao …` resolves to this file). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin/nianbao.cjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
