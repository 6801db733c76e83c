import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fontFamilyNames } from "./font-family-names";

/** Family name (as Word and fontconfig spell it) → font file. */
export type InstalledFonts = ReadonlyMap<string, string>;

let cached: Promise<InstalledFonts> | null = null;

/** The fonts this machine has, read once per process. */
export function installedFonts(): Promise<InstalledFonts> {
  cached ??= discover();
  return cached;
}

async function discover(): Promise<InstalledFonts> {
  const found = new Map(await scanFontDirs(fontDirs()));
  for (const [family, file] of await fontconfigFamilies()) if (!found.has(family)) found.set(family, file);
  return found;
}

/** Windows and macOS usually lack fontconfig: there the font folders are read directly. */
export async function scanFontDirs(dirs: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.(ttf|ttc|otf)$/i.test(n)).sort()) {
      const file = join(dir, name);
      for (const family of await fontFamilyNames(file)) if (!found.has(family)) found.set(family, file);
    }
  }
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
