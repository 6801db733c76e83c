import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/template";

/*
 * issue 13: `serve --open` and `npm start` handed the URL with its token to xdg-open on the
 * command line, readable by every user in /proc. They still print one loopback URL with the
 * token on their own stdout; the browser is handed a one-time address instead. Uploads go when
 * the host stops.
 */

const base = mkdtempSync(join(tmpdir(), "nianbao-open-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A stand-in xdg-open on PATH that records what it was asked to open. */
function fakeOpener(): { bin: string; opened: () => string[] } {
  const bin = mkdtempSync(join(base, "bin-"));
  const record = join(bin, "opened.txt");
  writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${record}"\n`);
  chmodSync(join(bin, "xdg-open"), 0o755);
  return { bin, opened: () => (existsSync(record) ? readFileSync(record, "utf8").trim().split("\n") : []) };
}

function cmdlines(): string[] {
  return readdirSync("/proc")
    .filter((n) => /^\d+$/u.test(n))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        return "";
      }
    });
}

async function started(args: string[], path: string): Promise<{ child: ChildProcess; url: string; stdout: () => string }> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PATH: `${path}:${process.env["PATH"] ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/u.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited ${String(code)}:\n${stderr}`)));
  });
  return { child, url, stdout: () => stdout };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe.each([
  [
    "nianbao serve --open",
    (docs: string, state: string) => [join(repoRoot, "bin/nianbao.cjs"), "serve", "--open", "--dir", docs, "--state-dir", state],
  ],
  ["npm start (browser mode)", (docs: string, state: string) => [join(repoRoot, "bin/start.js"), "--dir", docs, "--state-dir", state]],
])("%s", (_name, argsOf) => {
  it("prints one URL with the token, hands the browser a one-time address without it, and deletes uploads on stop", async () => {
    const docs = mkdtempSync(join(base, "docs-"));
    const state = join(base, `state-${Date.now()}`);
    mkdirSync(state);
    const opener = fakeOpener();
    const { child, url, stdout } = await started(argsOf(docs, state), opener.bin);
    try {
      const token = new URL(url).hash.replace("#token=", "");
      expect(stdout().match(/http:\/\/127\.0\.0\.1:\d+\/#token=/gu)?.length).toBe(2);
      await waitFor(() => opener.opened().length > 0);
      const [opened = ""] = opener.opened();
      expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\/[A-Za-z0-9_-]+$/u);
      expect(opened).not.toContain(token);
      // No process on the machine has the token on its command line.
      expect(cmdlines().filter((c) => c.includes(token))).toEqual([]);
      // The one-time address opens the app: a redirect to the URL printed.
      const redirect = await fetch(opened, { redirect: "manual" });
      expect(redirect.status).toBe(303);
      expect(new URL(redirect.headers.get("location") ?? "", opened).href).toBe(url);
      expect((await fetch(opened, { redirect: "manual" })).status).toBe(404);

      const upload = await fetch(new URL("/rpc/uploadImportFile", url), {
        method: "POST",
        headers: { "content-type": "application/json", "x-nianbao-token": token },
        body: JSON.stringify({ name: "上年.md", dataBase64: Buffer.from("# 2023年度报告\n\n一、主要举措和成效\n").toString("base64") }),
      });
      expect(((await upload.json()) as { ok: boolean }).ok).toBe(true);
      const uploads = join(state, "uploads");
      expect(readdirSync(uploads).flatMap((d) => readdirSync(join(uploads, d)))).toHaveLength(1);
      await stop(child);
      expect(readdirSync(uploads)).toEqual([]);
    } finally {
      await stop(child);
    }
  });
});
