import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");
/** What `npm run build` bundles into dist/ (the CLI, the Electron shell, the renderer). */
const SOURCES = ["core", "host", "renderer", "electron", "templates", "build", "bin", "package.json"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function builtAt(): number | null {
  const stamp = join(root, "dist/.build-stamp");
  if (!existsSync(stamp)) return null;
  const value = Number(readFileSync(stamp, "utf8").trim());
  return Number.isFinite(value) ? value : null;
}

export function newestSource(): number {
  return Math.max(
    ...SOURCES.map((s) => join(root, s))
      .filter(existsSync)
      .map(newestMtime),
  );
}

/**
 * Vitest global setup: 21 test files run the built CLI or serve the built renderer from dist/, so a
 * source saved after the last build would silently test old code. Rebuild first when any source is
 * newer than the build (`npm test` has just built, so it costs nothing there).
 */
export default function freshBuild(): void {
  const built = builtAt();
  const newest = newestSource();
  if (built !== null && newest <= built) return;
  process.stderr.write(
    built === null ? "dist/ has not been built: running npm run build…\n" : "sources changed since the last build: rebuilding dist/…\n",
  );
  execFileSync(process.execPath, [join(root, "build/build-cli.mjs")], { cwd: root, stdio: "inherit" });
}
