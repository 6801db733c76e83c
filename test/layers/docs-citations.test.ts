import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/template";

const SKIP = new Set(["node_modules", "dist", ".git", "test-artifacts", "fixtures", "coverage", "out"]);
const TEXT = /\.(ts|tsx|mjs|cjs|js|md|json|css|html|py)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return TEXT.test(name) && name !== "package-lock.json" ? [path] : [];
  });
}

/** "§6.1" of a doc is a heading that starts with "6.1" (after the #s). */
function hasSection(doc: string, section: string): boolean {
  return new RegExp(`^#+\\s+${section.replace(/\./g, "\\.")}[.\\s]`, "m").test(doc);
}

describe("the repository's own docs", () => {
  const all = files(repoRoot);
  const docs = new Map(
    readdirSync(join(repoRoot, "docs"))
      .filter((n) => n.endsWith(".md"))
      .map((n) => [n, readFileSync(join(repoRoot, "docs", n), "utf8")]),
  );

  it("hold every doc and section the code and the docs cite (architecture.md §6.1, gbt9704 §2.5…)", () => {
    const missing: string[] = [];
    for (const file of all) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\b([a-z0-9-]+)(\.md)?\s?§\s?(\d+(?:\.\d+)*)/g)) {
        const name = `${m[1] ?? ""}.md`;
        // "RFC 7292 §4.2" or "see §2.7" cite something else; a bare name cites a doc only if one has it.
        if (m[2] === undefined && !docs.has(name)) continue;
        const doc = docs.get(name);
        if (doc === undefined || !hasSection(doc, m[3] ?? "")) missing.push(`${relative(repoRoot, file)}: ${m[0]}`);
      }
      for (const m of text.matchAll(/\bdocs\/([a-z0-9-]+\.md)/g)) {
        if (!docs.has(m[1] ?? "")) missing.push(`${relative(repoRoot, file)}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("point nowhere outside the repository", () => {
    const outside = all
      .filter((file) => /\.\.\/shared\/|\/work\/shared/.test(readFileSync(file, "utf8")))
      .map((f) => relative(repoRoot, f));
    expect(outside).toEqual([]);
  });
});
