import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../support/template";

export interface MeasuredCliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The child's own peak resident set size (getrusage ru_maxrss), in MB; null if it never reached `exit`. */
  peakRssMb: number | null;
}

/*
 * The peak is read inside the child at its `exit` event, from the kernel's own high-water mark
 * (process.resourceUsage().maxRSS = getrusage ru_maxrss). Polling /proc/<pid>/status VmHWM from
 * outside races the exit (the entry is gone once the child is reaped, so the last sample can
 * miss the peak) and /usr/bin/time is not installed. The hook is preloaded with --import, so the
 * CLI itself carries no measuring code; a child killed by a signal reports nothing, and callers
 * assert on the signal anyway.
 */
const PEAK_RSS_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeFileSync } from "node:fs";' +
      'process.on("exit", () => writeFileSync(process.env.NIANBAO_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));',
  );

/** Runs `node bin/nianbao.cjs …` as a user would and measures the child's peak memory. */
export function runCliMeasured(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<MeasuredCliResult> {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-rss-"));
  const rssFile = join(dir, "peak-rss");
  const child = spawn(process.execPath, [`--import=${PEAK_RSS_HOOK}`, join(repoRoot, "bin/nianbao.cjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env, NIANBAO_PEAK_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => {
      const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : null;
      rmSync(dir, { recursive: true, force: true });
      resolve({
        status,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        peakRssMb,
      });
    });
  });
}
