// `npm run build` (and `npm install`'s prepare): everything `npm start`, the CLI and the e2e tests
// run. Node entry points are bundled so `npx nianbao` starts without a TypeScript loader
// (start-up time is part of what the CLI is measured on); the renderer goes through Vite; the
// Electron main and preload become CommonJS, which a sandboxed preload requires.
import { build } from "esbuild";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entryPoints = [join(root, "host/cli/main.ts")].filter((p) => existsSync(p));

// Chunk names carry content hashes: without a clean folder, every build leaves stale chunks behind.
rmSync(join(root, "dist/cli"), { recursive: true, force: true });

// zod is bundled so that tree-shaking drops what the CLI never uses (its ~40 locales): importing
// the whole package costs ~45 ms of start-up, more than the rest of a small command.
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const bundled = new Set(["zod"]);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints,
  outdir: join(root, "dist/cli"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  sourcemap: true,
  logLevel: "warning",
  chunkNames: "chunks/[name]-[hash]",
});

const electronEntries = [
  { in: join(root, "electron/main/index.ts"), out: "main" },
  { in: join(root, "electron/preload/index.ts"), out: "preload" },
].filter((e) => existsSync(e.in));
if (electronEntries.length > 0) {
  await build({
    entryPoints: electronEntries,
    outdir: join(root, "dist/electron"),
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: ["electron"],
    // host/paths.ts finds the app folder from import.meta.url, which CommonJS lacks.
    define: { "import.meta.url": "__nianbaoModuleUrl" },
    banner: { js: 'const __nianbaoModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (existsSync(join(root, "renderer/index.html"))) {
  const { build: viteBuild } = await import("vite");
  await viteBuild({ configFile: join(root, "build/vite.renderer.config.mjs") });
}
