import { createHash } from "node:crypto";
import { mkdir, open, readdir, readFile, stat, unlink, utimes } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { writeFileAtomic } from "../storage/atomic-write";
import { firstFontOfCollection, isFontCollection } from "./first-font-of-collection";
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
  if (process.platform === "win32")
    return join(env["LOCALAPPDATA"] ?? join(homedir(), "AppData", "Local"), "Nianbao", "Cache", "font-subsets");
  if (process.platform === "darwin") return join(homedir(), "Library", "Caches", "Nianbao", "font-subsets");
  const xdg = env["XDG_CACHE_HOME"];
  return join(xdg !== undefined && xdg !== "" ? xdg : join(homedir(), ".cache"), "nianbao", "font-subsets");
}

/** Subsets being made in this process, by cache entry: an export that asks while they are made waits for them instead of cutting them again. */
const inFlight = new Map<string, Promise<string>>();

interface Entry {
  file: string;
  path: string;
}

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
  const subsets = new Map<string, Promise<string>>();
  const missing: Entry[] = [];
  for (const file of new Set(fonts.map((f) => f.file))) {
    const path = await entryPath(file, characters, cacheDir);
    if (path === null) subsets.set(file, Promise.resolve(file));
    else if (inFlight.has(path)) subsets.set(file, inFlight.get(path) ?? Promise.resolve(file));
    else if (await isCached(path)) subsets.set(file, Promise.resolve(path));
    else missing.push({ file, path });
  }
  if (missing.length > 0) {
    // Every entry waits on this one promise: were it to reject, the export would fail and the
    // entries not yet awaited would be unhandled rejections, which end a Node process.
    const made = makeSubsets(missing, characters, cacheDir).catch(() => new Set<string>());
    for (const entry of missing) {
      const done = made.then((paths) => (paths.has(entry.path) ? entry.path : entry.file)).finally(() => inFlight.delete(entry.path));
      inFlight.set(entry.path, done);
      subsets.set(entry.file, done);
    }
  }
  const files = new Map<string, string>();
  for (const [file, subset] of subsets) files.set(file, await subset);
  return fonts.map((font) => ({ ...font, file: files.get(font.file) ?? font.file }));
}

/** The cache entry for a font file and character set; null when the font file cannot be read. */
async function entryPath(file: string, characters: string, cacheDir: string): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  if (info === null) return null;
  const key = createHash("sha256")
    .update(JSON.stringify([CACHE_FORMAT, file, info.size, info.mtimeMs, characters]))
    .digest("hex")
    .slice(0, 40);
  return join(cacheDir, `${key}.ttf`);
}

/** A torn or foreign file fails the checksum and is made again (and replaced) like a missing one. */
async function isCached(path: string): Promise<boolean> {
  const cached = await readFile(path).catch(() => null);
  if (cached === null || !isIntactSfnt(cached)) return false;
  // The modification time doubles as "last used", which eviction goes by.
  const now = new Date();
  await utimes(path, now, now).catch(() => undefined);
  return true;
}

/** Makes and caches the missing subsets; returns the cache entries now in place. */
async function makeSubsets(missing: Entry[], characters: string, cacheDir: string): Promise<Set<string>> {
  const made = new Set<string>();
  const jobs: SubsetJob[] = [];
  for (const entry of missing) {
    const font = await collectionsFirstFont(entry.file);
    const info = await stat(entry.file).catch(() => null);
    if (font !== undefined && info !== null) jobs.push({ file: entry.file, version: `|${info.size}|${info.mtimeMs}`, font });
  }
  const subsets = await subsetInWorker(jobs, characters).catch(() => new Map<string, Uint8Array>());
  for (const entry of missing) {
    const subset = subsets.get(entry.file);
    // A font the subsetter cannot cut is printed from its own file.
    if (subset === undefined || !isIntactSfnt(subset)) continue;
    try {
      await mkdir(cacheDir, { recursive: true, mode: 0o700 });
      // Another process making the same entry at once renames an identical file over it.
      await writeFileAtomic(entry.path, subset);
      made.add(entry.path);
    } catch {
      // An unwritable cache only costs speed.
    }
  }
  if (made.size > 0) await evictStale(cacheDir);
  return made;
}

/**
 * harfbuzz (subset-font's wasm build) grows its heap to ~120 MB on a CJK font, and starting it
 * (a thread, the library, its WebAssembly) and reading the 10–15 MB fonts costs more than cutting
 * them: a worker thread keeps all of it off the app's main thread, stays warm for the next export
 * (the first export after an edit then only cuts), and exits, returning the memory, once no export
 * has asked for a while. It keeps the fonts it has read, keyed by file, size and time. Its source
 * is a string because the host is bundled into single files (build/build-cli.mjs), where a worker
 * module would not exist.
 */
const SUBSET_WORKER = `(async () => {
  const { parentPort, workerData } = await import("node:worker_threads");
  const { readFile } = await import("node:fs/promises");
  // The first subset otherwise waits ~150 ms for TurboFan to tier up harfbuzz's wasm; Liftoff's
  // baseline code cuts these few fonts faster than that. Process-wide, but nothing else here
  // compiles WebAssembly.
  (await import("node:v8")).setFlagsFromString("--liftoff-only");
  const subsetFont = (await import(workerData.library)).default;
  const fonts = new Map();
  parentPort.on("message", async ({ batch, jobs, characters }) => {
    for (const { file, version, font } of jobs) {
      try {
        let input = font === null ? fonts.get(file + version) : Buffer.from(font.buffer, font.byteOffset, font.byteLength);
        if (input === undefined) {
          input = await readFile(file);
          fonts.set(file + version, input);
        }
        const subset = await subsetFont(input, characters, { targetFormat: "truetype" });
        parentPort.postMessage({ batch, file, subset });
      } catch {
        parentPort.postMessage({ batch, file, subset: null });
      }
    }
  });
})();`;

/** How long the warm worker waits for another export before it exits and gives its memory back. */
const WORKER_IDLE_MS = 120_000;

/** A font file for the worker to cut: it reads single fonts itself; a collection's first font comes as bytes. */
interface SubsetJob {
  file: string;
  /** Size and modification time: a font file replaced in place is read again. */
  version: string;
  font: Uint8Array | null;
}

const WorkerReply = z.object({ batch: z.number(), file: z.string(), subset: z.instanceof(Uint8Array).nullable() });

/** null for a single font (the worker reads it), its first font for a collection, undefined when unusable. */
async function collectionsFirstFont(file: string): Promise<Uint8Array | null | undefined> {
  const handle = await open(file, "r").catch(() => null);
  if (handle === null) return undefined;
  try {
    const head = new Uint8Array(4);
    await handle.read(head, 0, 4, 0);
    if (!isFontCollection(head)) return null;
    return firstFontOfCollection(await handle.readFile()) ?? undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

interface Batch {
  pending: number;
  subsets: Map<string, Uint8Array>;
  resolve: (subsets: Map<string, Uint8Array>) => void;
}

interface WarmWorker {
  worker: Worker;
  batches: Map<number, Batch>;
  idle: ReturnType<typeof setTimeout> | null;
}

/** The one warm subsetting worker of this process, started on first use. */
let warm: WarmWorker | null = null;
let nextBatch = 0;

function warmWorker(): WarmWorker {
  if (warm !== null) return warm;
  const library = pathToFileURL(createRequire(import.meta.url).resolve("subset-font")).href;
  const worker = new Worker(SUBSET_WORKER, { eval: true, workerData: { library } });
  const state: WarmWorker = { worker, batches: new Map(), idle: null };
  const settleAll = () => {
    if (warm === state) warm = null;
    if (state.idle !== null) clearTimeout(state.idle);
    // What was not cut is printed from the font's own file.
    for (const batch of state.batches.values()) batch.resolve(batch.subsets);
    state.batches.clear();
  };
  worker.on("message", (message: unknown) => {
    const reply = WorkerReply.safeParse(message);
    if (!reply.success) return;
    const batch = state.batches.get(reply.data.batch);
    if (batch === undefined) return;
    if (reply.data.subset !== null) batch.subsets.set(reply.data.file, reply.data.subset);
    batch.pending -= 1;
    if (batch.pending > 0) return;
    state.batches.delete(reply.data.batch);
    batch.resolve(batch.subsets);
    if (state.batches.size === 0) {
      // Idle, the worker holds no process open: a CLI export ends without waiting for the timer.
      worker.unref();
      state.idle = setTimeout(() => void worker.terminate(), WORKER_IDLE_MS);
      state.idle.unref();
    }
  });
  worker.on("error", settleAll);
  worker.on("exit", settleAll);
  warm = state;
  return state;
}

function subsetInWorker(jobs: SubsetJob[], characters: string): Promise<Map<string, Uint8Array>> {
  if (jobs.length === 0) return Promise.resolve(new Map());
  const state = warmWorker();
  if (state.idle !== null) clearTimeout(state.idle);
  state.idle = null;
  // While it cuts, the worker keeps the process alive for the reply.
  state.worker.ref();
  const batch = nextBatch++;
  return new Promise((resolve) => {
    state.batches.set(batch, { pending: jobs.length, subsets: new Map(), resolve });
    state.worker.postMessage({ batch, jobs, characters });
  });
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
