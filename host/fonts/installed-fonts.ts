import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** Family name (as Word and fontconfig spell it) → font file. */
export type InstalledFonts = ReadonlyMap<string, string>;

/** File names of the official fonts on Windows and macOS, where fontconfig is usually absent. */
const KNOWN_FILES: Readonly<Record<string, string>> = {
  "simfang.ttf": "仿宋",
  "simhei.ttf": "黑体",
  "simkai.ttf": "楷体",
  "simsun.ttc": "宋体",
  "times.ttf": "Times New Roman",
  "Times New Roman.ttf": "Times New Roman",
  "FZXBSJW.TTF": "方正小标宋简体",
  "方正小标宋简体.ttf": "方正小标宋简体",
  "仿宋_GB2312.ttf": "仿宋_GB2312",
  "FS_GB2312.ttf": "仿宋_GB2312",
  "楷体_GB2312.ttf": "楷体_GB2312",
  "KAITI_GB2312.ttf": "楷体_GB2312",
};

let cached: Promise<InstalledFonts> | null = null;

/** The fonts this machine has, read once per process. */
export function installedFonts(): Promise<InstalledFonts> {
  cached ??= discover();
  return cached;
}

async function discover(): Promise<InstalledFonts> {
  const found = new Map<string, string>();
  for (const dir of fontDirs()) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const family = KNOWN_FILES[name] ?? KNOWN_FILES[name.toLowerCase()];
      if (family !== undefined && !found.has(family)) found.set(family, join(dir, name));
    }
  }
  for (const [family, file] of await fontconfigFamilies()) if (!found.has(family)) found.set(family, file);
  return found;
}

function fontDirs(): string[] {
  const dirs: string[] = [];
  const windir = process.env["WINDIR"];
  if (windir !== undefined) dirs.push(join(windir, "Fonts"));
  const local = process.env["LOCALAPPDATA"];
  if (local !== undefined) dirs.push(join(local, "Microsoft", "Windows", "Fonts"));
  if (process.platform === "darwin") dirs.push("/Library/Fonts", "/System/Library/Fonts/Supplemental", join(homedir(), "Library", "Fonts"));
  return dirs.filter((d) => existsSync(d));
}

const execFileAsync = promisify(execFile);

/** Every family name fontconfig knows (localised names included), when fc-list exists. */
async function fontconfigFamilies(): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync("fc-list", ["--format", "%{family}\t%{style}\t%{file}\n"], { maxBuffer: 32 * 1024 * 1024 }));
  } catch {
    return map;
  }
  for (const line of stdout.split("\n")) {
    const [families = "", style = "", file = ""] = line.split("\t");
    if (file === "") continue;
    // Prefer the upright regular face when a family has several files.
    const regular = /^(Regular|Book|Normal|R)$/i.test(style.split(",")[0] ?? "");
    for (const family of families.split(",")) {
      const name = family.trim();
      if (name === "") continue;
      if (!map.has(name) || regular) map.set(name, file);
    }
  }
  return map;
}
