import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./template";

export interface ServeProcess {
  url: string;
  /** The host's process id (its memory high-water mark is in /proc/<pid>/status, VmHWM). */
  pid: number;
  origin: string;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or a power cut ends the host: no handler runs. */
  kill: () => Promise<void>;
}

/** `nianbao serve` exactly as a user starts browser mode, with its reports and state in temp folders. */
export async function startServe(docs: string, state: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, "bin/nianbao.cjs"), "serve", "--dir", docs, "--state-dir", state], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Benchmarks end without running afterAll hooks; the host must not outlive its parent.
  const killOnExit = () => child.kill();
  process.once("exit", killOnExit);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`serve exited with ${String(code)}:\n${output}`)));
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return {
    url,
    pid: child.pid ?? 0,
    origin: new URL(url).origin,
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

/** The flags this machine's Chromium needs headless as root (stack-notes.md §2). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const CHROMIUM_PATH = process.env["NIANBAO_CHROMIUM"] ?? "/usr/bin/chromium";
