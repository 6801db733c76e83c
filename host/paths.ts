import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | null = null;

/**
 * The folder that holds `templates/`: the repository in development, the unpacked resources in a
 * packaged app. Found by walking up from this module, since bundling moves it (dist/cli/nianbao-<hash>.cjs).
 */
export function appRoot(): string {
  if (cachedRoot !== null) return cachedRoot;
  const fromEnv = process.env["NIANBAO_ROOT"];
  if (fromEnv !== undefined && fromEnv !== "") {
    cachedRoot = resolve(fromEnv);
    return cachedRoot;
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "templates")) && existsSync(join(dir, "package.json"))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the Nianbao resources folder (templates/)");
    dir = parent;
  }
}

export function templatesDir(): string {
  return join(appRoot(), "templates");
}
