import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { measureWhole } from "./measure-whole";

/*
 * What any Node process doing our job costs before our code does anything: the numbers that
 * decide whether a whole-process target against pandoc (a native binary) can be met at all.
 * Wall-clock floors are medians like every other case; the instruction counts come from one run
 * each under callgrind, which counts the same on a busy machine as on an idle one.
 */

export interface Floor {
  name: string;
  what: string;
  ms: number;
  peak_rss_mb: number;
}

export interface InstructionCount {
  name: string;
  command: string;
  /** Millions of instructions executed by the process and its threads. */
  instructions_m: number;
}

export interface FloorInputs {
  floorDir: string;
  docx: string;
  outDir: string;
  runs: number;
}

export function measureFloors(inputs: FloorInputs): Floor[] {
  const node = process.execPath;
  const floors: [string, string, string[]][] = [
    ["node-start", '`node -e ""`: Node.js starting and exiting, nothing loaded', [node, "-e", ""]],
    [
      "docx-library",
      "the `docx` library writing a one-paragraph .docx in a fresh process",
      [node, join(inputs.floorDir, "docx-library-floor.cjs"), join(inputs.outDir, "floor.docx")],
    ],
    [
      "docx-read",
      "fflate + saxes reading every XML event of the 100-page .docx in a fresh process (no recognition)",
      [node, join(inputs.floorDir, "docx-read-floor.cjs"), inputs.docx, join(inputs.outDir, "floor.json")],
    ],
  ];
  return floors.map(([name, what, command]) => {
    const m = measureWhole(command, inputs.runs);
    process.stderr.write(`  floor ${name}: ${m.ms.toFixed(1)} ms\n`);
    return { name, what, ms: Number(m.ms.toFixed(1)), peak_rss_mb: Number(m.rssMb.toFixed(1)) };
  });
}

export function callgrindAvailable(): boolean {
  if (process.env["NIANBAO_BENCH_CALLGRIND"] === "0") return false;
  return spawnSync("valgrind", ["--version"], { encoding: "utf8" }).status === 0;
}

/** One run under `valgrind --tool=callgrind` (tens of seconds each); null when it fails. */
export function countInstructions(name: string, command: readonly string[]): InstructionCount | null {
  const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", ...command], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const collected = /Collected\s*:\s*(\d+)/u.exec(r.stderr)?.[1];
  if (r.status !== 0 || collected === undefined) return null;
  const count = {
    name,
    command: command.map((c) => (c === "" ? '""' : c.replace(/^.*\//u, ""))).join(" "),
    instructions_m: Math.round(Number(collected) / 1e6),
  };
  process.stderr.write(`  instructions ${name}: ${count.instructions_m} M\n`);
  return count;
}
