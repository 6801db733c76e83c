import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./template";

/**
 * Copies the built CLI (bin/nianbao.cjs and dist/cli's bundles) into `dir`, laid out as in the
 * repository, and returns the copy's bin/nianbao.cjs: its code caches are then the caller's alone.
 * Run it with NIANBAO_ROOT set to the repository so that it finds the templates.
 */
export function copyBuiltCli(dir: string): string {
  mkdirSync(join(dir, "bin"), { recursive: true });
  mkdirSync(join(dir, "dist", "cli"), { recursive: true });
  copyFileSync(join(repoRoot, "bin", "nianbao.cjs"), join(dir, "bin", "nianbao.cjs"));
  const built = join(repoRoot, "dist", "cli");
  for (const name of readdirSync(built).filter((n) => n.endsWith(".cjs"))) copyFileSync(join(built, name), join(dir, "dist", "cli", name));
  return join(dir, "bin", "nianbao.cjs");
}
