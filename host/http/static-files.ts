import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  // pdf.js ships its worker as .mjs (the print preview).
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".map": "application/json; charset=utf-8",
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** Named by its content's hash (the build's assets/ folder): the same URL never serves other bytes. */
  immutable: boolean;
}

const HASHED_ASSETS = /^assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.(?:js|css|map|woff2|ttf|svg|png)$/;

/** A file of the built renderer; unknown paths fall back to index.html (the app has one page). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, "");
  const file = join(root, relative === "" ? "index.html" : relative);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const type = TYPES[extname(file)];
  const found = type === undefined ? null : await readFile(file).catch(() => null);
  if (found !== null && type !== undefined) return { body: found, type, immutable: HASHED_ASSETS.test(relative) };
  if (extname(relative) !== "") return null;
  const index = await readFile(join(root, "index.html")).catch(() => null);
  return index === null ? null : { body: index, type: "text/html; charset=utf-8", immutable: false };
}
