import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyBuiltCli } from "../../support/installed-cli";
import { pdfFonts } from "../../support/pdf-readers";
import { repoRoot } from "../../support/template";

const dir = mkdtempSync(join(tmpdir(), "nianbao-no-subsetter-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The built CLI installed beside every package but subset-font, as in an install that lacks it. */
function installWithoutSubsetter(): string {
  const app = join(dir, "app");
  const bin = copyBuiltCli(app);
  mkdirSync(join(app, "node_modules"));
  for (const name of readdirSync(join(repoRoot, "node_modules"))) {
    if (name !== "subset-font" && !name.startsWith(".")) symlinkSync(join(repoRoot, "node_modules", name), join(app, "node_modules", name));
  }
  return bin;
}

describe("PDF export when the font subsetter cannot be loaded", () => {
  it("prints from the whole fonts instead of failing", () => {
    const bin = installWithoutSubsetter();
    const pdf = join(dir, "report.pdf");
    const r = spawnSync(process.execPath, [bin, "export", join(repoRoot, "test/fixtures/mudu-2023-fazhi-report.md"), "--pdf", pdf], {
      cwd: dir,
      env: { ...process.env, NIANBAO_ROOT: repoRoot, NIANBAO_CACHE_DIR: join(dir, "cache") },
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.embedded, font.name).toBe(true);
  }, 60_000);
});
