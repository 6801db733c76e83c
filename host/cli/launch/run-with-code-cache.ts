import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";

/*
 * Loads the CLI bundle with a V8 code cache: a cold `node` spends tens of milliseconds parsing and
 * compiling the ~2 MB bundle before a command does anything, and the CLI is measured against
 * pandoc's whole run. Node 22 has `module.enableCompileCache()`; Node 20 has nothing built in, and
 * `v8-compile-cache` patches Module internals for every required file, so this does the one thing
 * needed by hand with `vm.Script`'s `cachedData`.
 *
 * One cache per command, made after the command's first run (V8 then includes every function the
 * run compiled), named after the bundle's content hash: V8 checks only the source's length, so a
 * rebuilt bundle must never meet an old cache. A cache V8 rejects (another Node, other flags) is
 * remade; a folder that cannot be written (a read-only install) just means no cache.
 */

export interface BundleInfo {
  /** The bundle's file, beside the launcher. */
  file: string;
  /** Its content hash, fixed at build time. */
  hash: string;
}

/** What became of the cache on this load: none found, used, or refused by V8. */
export type CodeCacheState = "none" | "accepted" | "rejected";

export interface LoadedBundle {
  exports: unknown;
  cache: CodeCacheState;
  /** Writes the cache if there was none or V8 refused it; call once the command has run. */
  saveCache: () => void;
}

const CACHE_FOLDER = "code-cache";

function cachePathFor(bundleFile: string, hash: string, command: string): string {
  const name = /^[a-z-]{1,32}$/u.test(command) ? command : "other";
  return join(dirname(bundleFile), CACHE_FOLDER, `${hash}-${name}-${process.version}-${process.arch}.bin`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export function loadBundle(bundle: BundleInfo, command: string, useCache: boolean): LoadedBundle {
  const source = readFileSync(bundle.file, "utf8");
  const cachePath = cachePathFor(bundle.file, bundle.hash, command);
  const cachedData = useCache ? readIfPresent(cachePath) : undefined;
  const script = new Script(Module.wrap(source), { filename: bundle.file, ...(cachedData === undefined ? {} : { cachedData }) });
  const moduleWrapper: unknown = script.runInThisContext();
  if (typeof moduleWrapper !== "function") throw new Error(`${bundle.file} is not a CommonJS bundle`);
  const module = { exports: {} };
  moduleWrapper.call(module.exports, module.exports, createRequire(bundle.file), module, bundle.file, dirname(bundle.file));
  const cache: CodeCacheState = cachedData === undefined ? "none" : script.cachedDataRejected === true ? "rejected" : "accepted";
  return {
    exports: module.exports,
    cache,
    saveCache: () => {
      if (!useCache || cache === "accepted") return;
      const temp = `${cachePath}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(cachePath), { recursive: true });
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cachePath);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // The folder itself is unusable; there is nothing to clean up.
        }
      }
    },
  };
}
