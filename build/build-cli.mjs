// `npm run build` (and `npm install`'s prepare): everything `npm start`, the CLI and the e2e tests
// run. Node entry points are bundled so `npx nianbao` starts without a TypeScript loader
// (start-up time is part of what the CLI is measured on); the renderer goes through Vite; the
// Electron main and preload become CommonJS, which a sandboxed preload requires.
import { build } from "esbuild";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { basename, dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const buildStartedAt = Date.now();
const cliEntry = join(root, "host/cli/main.ts");
const cliDir = join(root, "dist/cli");

// Content-hashed names: without a clean folder, every build leaves stale bundles and caches behind.
rmSync(cliDir, { recursive: true, force: true });

// One CommonJS bundle: a cold start pays neither the ESM loader nor a module resolution per file,
// and the launcher can hand V8 a code cache for it (host/cli/launch/run-with-code-cache.ts).
// Dynamic imports of commands stay lazy (esbuild wraps those modules in lazy initialisers), so a
// command still evaluates only what it needs. Kept outside: packages that find files beside
// themselves (fonts) or are large and only used for PDF (playwright-core).
const external = ["playwright-core", "@expo-google-fonts/*", "electron"];
const importMetaUrl = {
  // host/paths.ts finds the app folder from import.meta.url, which CommonJS lacks.
  define: { "import.meta.url": "__nianbaoModuleUrl" },
  banner: { js: 'const __nianbaoModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
if (existsSync(cliEntry)) {
  const bundle = await build({
    entryPoints: { nianbao: cliEntry },
    outdir: cliDir,
    entryNames: "[name]-[hash]",
    outExtension: { ".js": ".cjs" },
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external,
    ...importMetaUrl,
    charset: "ascii",
    minifyWhitespace: true,
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
  });
  const outFile = Object.keys(bundle.metafile.outputs).find((f) => f.endsWith(".cjs"));
  if (outFile === undefined) throw new Error("esbuild wrote no CLI bundle");
  const name = basename(outFile);
  const hash = /^nianbao-(\w+)\.cjs$/u.exec(name)?.[1];
  if (hash === undefined) throw new Error(`unexpected CLI bundle name ${name}`);
  await build({
    entryPoints: [join(root, "host/cli/launch/launch-cli.ts")],
    outfile: join(cliDir, "launch.cjs"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    define: { NIANBAO_CLI_BUNDLE: JSON.stringify(name), NIANBAO_CLI_BUNDLE_HASH: JSON.stringify(hash) },
    logLevel: "warning",
  });
}

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
    ...importMetaUrl,
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (existsSync(join(root, "renderer/index.html"))) {
  const { build: viteBuild } = await import("vite");
  await viteBuild({ configFile: join(root, "build/vite.renderer.config.mjs") });
}

// Tests compare this with the sources' mtimes (test/support/fresh-build.ts): one taken before the
// build started, so a file saved during the build still counts as newer.
writeFileSync(join(root, "dist/.build-stamp"), `${buildStartedAt}\n`);
