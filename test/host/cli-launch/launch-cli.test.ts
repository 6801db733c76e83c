import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyBuiltCli } from "../../support/installed-cli";
import { repoRoot } from "../../support/template";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * The built CLI copied into a folder of its own, under node_modules so that its external packages
 * resolve.
 */
function installedCli(): { run: (args: string[]) => number; caches: () => string[] } {
  const cacheRoot = join(repoRoot, "node_modules", ".cache", "nianbao-test");
  mkdirSync(cacheRoot, { recursive: true });
  const dir = mkdtempSync(join(cacheRoot, "cli-"));
  dirs.push(dir);
  const bin = copyBuiltCli(dir);
  return {
    run: (args) => {
      const r = spawnSync(process.execPath, [bin, ...args], {
        cwd: repoRoot,
        env: { ...process.env, NIANBAO_ROOT: repoRoot },
        encoding: "utf8",
      });
      if (r.status === null) throw new Error(r.stderr);
      return r.status;
    },
    caches: () => {
      try {
        return readdirSync(join(dir, "dist", "cli", "code-cache"));
      } catch {
        return [];
      }
    },
  };
}

const FIXTURE = join(repoRoot, "test/fixtures/mudu-2023-fazhi-report.md");

describe("the built CLI's code cache", () => {
  it("is made by a command's first real run, not by a usage request or a failed run before it", () => {
    const cli = installedCli();
    expect(cli.run(["inspect", "--help"])).toBe(0);
    expect(cli.run(["--help"])).toBe(0);
    expect(cli.run(["inspect", join(repoRoot, "test/fixtures/no-such-report.md")])).toBe(2);
    expect(cli.run(["no-such-command"])).toBe(2);
    // None of these ran inspect's work: a cache from them would lack it, and would be kept.
    expect(cli.caches()).toEqual([]);
    expect(cli.run(["inspect", FIXTURE])).toBe(0);
    expect(cli.caches()).toEqual([expect.stringMatching(/-inspect-/u)]);
  });
});
