import { spawnSync } from "node:child_process";
import { z } from "zod";

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

const WRAPPER = [
  "import json, resource, subprocess, sys, time",
  "start = time.perf_counter()",
  "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)",
  "ms = (time.perf_counter() - start) * 1000",
  'print(json.dumps({"ms": ms, "status": r.returncode, "rssKb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "stderr": r.stderr.decode("utf-8", "replace")[-2000:]}))',
].join("\n");
const Measured = z.object({ ms: z.number(), status: z.number(), rssKb: z.number(), stderr: z.string() });

export interface Measurement {
  ms: number;
  firstMs?: number;
  rssMb: number;
}

export function runWhole(command: readonly string[]): Measurement {
  const r = spawnSync("python3", ["-c", WRAPPER, ...command], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`wrapper failed for ${command.join(" ")}: ${r.stderr}`);
  const m = Measured.parse(JSON.parse(r.stdout));
  if (m.status !== 0) throw new Error(`${command.join(" ")} exited ${m.status}: ${m.stderr}`);
  return { ms: m.ms, rssMb: m.rssKb / 1024 };
}

/** One untimed warm-up (file cache, soffice profile), then `runs` timed runs. */
export function measureWhole(command: readonly string[], runs: number): Measurement {
  runWhole(command);
  const samples = Array.from({ length: runs }, () => runWhole(command));
  return { ms: median(samples.map((s) => s.ms)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}
