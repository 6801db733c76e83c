import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, stat, unlink, utimes } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../storage/atomic-write";
import { isIntactSfnt } from "./is-intact-sfnt";
import type { ResolvedFont } from "./resolve-fonts";

/** Bump when the subsetting changes, so subsets made the old way are not reused. */
const CACHE_FORMAT = "1";
/** A few reports' worth of subsets (~0.2 MB each); older ones are removed. */
const KEPT_ENTRIES = 48;
/** An entry this fresh may be in use by another export or a preview page: never removed. */
const IN_USE_MS = 10 * 60 * 1000;
/** Digits and Latin punctuation stay in every subset: CSS counters print page numbers, and a stable set keeps the cache keys stable. */
const ASCII_PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join("");

/** The per-user cache folder for font subsets (never a shared temp folder, where another user could plant fonts). */
export function defaultFontSubsetDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env["NIANBAO_CACHE_DIR"];
  if (explicit !== undefined && explicit !== "") return join(explicit, "font-subsets");
  if (process.platform === "win32") return join(env["LOCALAPPDATA"] ?? join(homedir(), "AppData", "Local"), "Nianbao", "Cache", "font-subsets");
  if (process.platform === "darwin") return join(homedir(), "Library", "Caches", "Nianbao", "font-subsets");
  const xdg = env["XDG_CACHE_HOME"];
  return join(xdg !== undefined && xdg !== "" ? xdg : join(homedir(), ".cache"), "nianbao", "font-subsets");
}

const inFlight = new Map<string, Promise<string>>();

/**
 * The fonts, each cut down to the characters of `text` (a superset of what the page can print).
 * Chromium loads and sanitises every whole @font-face file, and its PDF backend parses it again to
 * embed a subset on every print: with 10–15 MB CJK files that is most of an export. From a
 * pre-cut file the PDF still embeds the same glyphs as a CID TrueType subset.
 *
 * Subsets are cached by font file and character set, so re-exporting an unchanged report reads
 * ~1 MB instead of ~50 MB, and an edited report gets its own subset. Whatever goes wrong with the
 * cache or the subsetter, a font falls back to its original file: slower, never broken.
 */
export async function subsetFonts(fonts: ResolvedFont[], text: string, cacheDir: string = defaultFontSubsetDir()): Promise<ResolvedFont[]> {
  const characters = [...new Set(ASCII_PRINTABLE + text)].sort().join("");
  const byFile = new Map<string, Promise<string>>();
  for (const font of fonts) if (!byFile.has(font.file)) byFile.set(font.file, subsetFile(font.file, characters, cacheDir));
  const files = new Map<string, string>();
  for (const [file, subset] of byFile) files.set(file, await subset);
  return fonts.map((font) => ({ ...font, file: files.get(font.file) ?? font.file }));
}

async function subsetFile(file: string, characters: string, cacheDir: string): Promise<string> {
  let key: string;
  try {
    const info = await stat(file);
    key = createHash("sha256").update(JSON.stringify([CACHE_FORMAT, file, info.size, info.mtimeMs, characters])).digest("hex").slice(0, 40);
  } catch {
    return file;
  }
  // Two exports of one report in this process share one subsetting; other processes meet at the atomic rename.
  let pending = inFlight.get(key);
  if (pending === undefined) {
    pending = cachedSubset(file, characters, join(cacheDir, `${key}.ttf`)).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function cachedSubset(file: string, characters: string, entry: string): Promise<string> {
  const cached = await readFile(entry).catch(() => null);
  if (cached !== null && isIntactSfnt(cached)) {
    // The modification time doubles as "last used", which eviction goes by.
    const now = new Date();
    await utimes(entry, now, now).catch(() => undefined);
    return entry;
  }
  try {
    const { default: subsetFont } = await import("subset-font");
    const subset = await subsetFont(await readFile(file), characters, { targetFormat: "truetype" });
    // A collection (.ttc) or an odd font the subsetter cannot cut is printed from its own file.
    if (!isIntactSfnt(subset)) return file;
    await mkdir(dirname(entry), { recursive: true, mode: 0o700 });
    await writeFileAtomic(entry, subset);
    await evictStale(dirname(entry));
    return entry;
  } catch {
    return file;
  }
}

/** Keeps the newest KEPT_ENTRIES subsets, plus any used in the last IN_USE_MS; drops leftovers of interrupted writes. */
async function evictStale(dir: string): Promise<void> {
  const now = Date.now();
  const entries: { path: string; used: number; temp: boolean }[] = [];
  for (const name of await readdir(dir).catch(() => [])) {
    const temp = name.endsWith(".tmp");
    if (!temp && !name.endsWith(".ttf")) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info !== null) entries.push({ path: join(dir, name), used: info.mtimeMs, temp });
  }
  const subsets = entries.filter((e) => !e.temp).sort((a, b) => b.used - a.used);
  const stale = [...subsets.slice(KEPT_ENTRIES), ...entries.filter((e) => e.temp)].filter((e) => now - e.used > IN_USE_MS);
  await Promise.all(stale.map((e) => unlink(e.path).catch(() => undefined)));
}
