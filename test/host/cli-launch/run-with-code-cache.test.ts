import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bundleForNode } from "../../support/bundle-for-node";

let child = "";
beforeAll(async () => {
  child = await bundleForNode(join(import.meta.dirname, "support/load-bundle-child.ts"));
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SOURCE = `"use strict";
function total(n) { let s = 0; for (let i = 1; i <= n; i++) s += i; return s; }
exports.answer = (n) => ({ total: total(n), file: __filename.endsWith("bundle.cjs"), hasRequire: typeof require("node:path").join === "function" });
`;

function bundleDir(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "nianbao-code-cache-"));
  dirs.push(dir);
  writeFileSync(join(dir, "bundle.cjs"), source);
  return dir;
}

const Loaded = z.object({
  cache: z.enum(["none", "accepted", "rejected"]),
  answer: z.object({ total: z.number(), file: z.boolean(), hasRequire: z.boolean() }),
});

function load(dir: string, hash: string, command: string, use: "on" | "off" = "on"): z.infer<typeof Loaded> {
  const r = spawnSync(process.execPath, [child, join(dir, "bundle.cjs"), hash, command, use], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return Loaded.parse(JSON.parse(r.stdout));
}

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, "code-cache"));
  } catch {
    return [];
  }
}

const RIGHT = { total: 5050, file: true, hasRequire: true };

describe("the CLI's V8 code cache", () => {
  it("is made after a command's first run and used by the next, with the same results", () => {
    const dir = bundleDir(SOURCE);
    expect(load(dir, "AAAA1111", "import")).toEqual({ cache: "none", answer: RIGHT });
    expect(cacheFiles(dir)).toHaveLength(1);
    expect(load(dir, "AAAA1111", "import")).toEqual({ cache: "accepted", answer: RIGHT });
    // Another command keeps a cache of its own.
    expect(load(dir, "AAAA1111", "export").cache).toBe("none");
    expect(cacheFiles(dir)).toHaveLength(2);
  });

  it("replaces a damaged cache instead of failing the command", () => {
    const dir = bundleDir(SOURCE);
    load(dir, "BBBB2222", "check");
    const [name] = cacheFiles(dir);
    if (name === undefined) throw new Error("no cache written");
    const path = join(dir, "code-cache", name);
    writeFileSync(path, Buffer.alloc(4096, 7));
    expect(load(dir, "BBBB2222", "check")).toEqual({ cache: "rejected", answer: RIGHT });
    expect(readFileSync(path).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(load(dir, "BBBB2222", "check").cache).toBe("accepted");
  });

  it("never runs a rebuilt bundle with the old bundle's cache, even when the lengths match", () => {
    const dir = bundleDir(SOURCE);
    load(dir, "OLD00000", "fields");
    // Same length, different code: V8 itself compares only the lengths.
    const rebuilt = SOURCE.replace("s += i", "s -= i");
    expect(rebuilt.length).toBe(SOURCE.length);
    writeFileSync(join(dir, "bundle.cjs"), rebuilt);
    expect(load(dir, "NEW00000", "fields")).toEqual({ cache: "none", answer: { ...RIGHT, total: -5050 } });
  });

  it("works without a cache when its folder cannot be made", () => {
    const dir = bundleDir(SOURCE);
    // A file where the cache folder would go: mkdir fails as on a read-only install.
    writeFileSync(join(dir, "code-cache"), "not a folder");
    expect(load(dir, "CCCC3333", "verify")).toEqual({ cache: "none", answer: RIGHT });
    expect(statSync(join(dir, "code-cache")).isFile()).toBe(true);
    expect(load(dir, "CCCC3333", "verify").cache).toBe("none");
  });

  it("is neither read nor written when turned off", () => {
    const dir = bundleDir(SOURCE);
    expect(load(dir, "DDDD4444", "inspect", "off")).toEqual({ cache: "none", answer: RIGHT });
    expect(cacheFiles(dir)).toEqual([]);
  });
});
