import js from "@eslint/js";
import tseslint from "typescript-eslint";

/*
 * The layer matrix of docs/architecture.md §2.1 as import rules. Together with the per-layer
 * tsconfig `lib`/`types`, a wrong cross-layer import or a Node/DOM global in core fails `npm test`.
 */
const nodeModules = ["node:*", "fs", "fs/*", "path", "os", "crypto", "child_process", "http", "url", "util", "stream", "buffer", "zlib"];
const uiModules = ["react", "react/*", "react-dom", "react-dom/*", "@tiptap/react", "zustand", "zustand/*"];

export const layerRules = [
  {
    files: ["core/**/*.ts"],
    ignores: ["core/schema/**", "core/collab/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/host/**", "**/host", "**/electron/**", "**/renderer/**", "**/templates/**"],
              message: "core imports nothing outside core (layer rule)",
            },
            {
              group: [
                ...nodeModules,
                "electron",
                ...uiModules,
                "@tiptap/*",
                "docx",
                "fflate",
                "saxes",
                "playwright-core",
                "node-forge",
                "iconv-lite",
              ],
              message: "core is pure TypeScript: no Node, DOM, UI or I/O libraries (layer rule)",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "document", message: "core has no DOM (layer rule)" },
        { name: "window", message: "core has no DOM (layer rule)" },
        { name: "Buffer", message: "core has no Node globals (layer rule)" },
        { name: "process", message: "core has no Node globals (layer rule)" },
        { name: "require", message: "core has no Node globals (layer rule)" },
        { name: "setTimeout", message: "core has no ambient timers (layer rule)" },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "core gets its clock injected (CoreDeps.now)" },
        { object: "Math", property: "random", message: "core gets randomness injected (CoreDeps.newId)" },
      ],
    },
  },
  {
    files: ["core/schema/**/*.ts", "core/collab/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/host/**", "**/electron/**", "**/renderer/**"], message: "core/schema imports only core (layer rule)" },
            {
              group: [...nodeModules, "electron", ...uiModules],
              message: "core/schema holds TipTap schema only: no React, no Node (layer rule)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["host/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/electron/**", "**/renderer/**", "electron", ...uiModules], message: "host may import core only (layer rule)" },
          ],
        },
      ],
    },
  },
  {
    files: ["electron/main/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/renderer/**", ...uiModules], message: "electron/main may import core and host only (layer rule)" }] },
      ],
    },
  },
  {
    files: ["electron/preload/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/host/**", "**/renderer/**", ...nodeModules, ...uiModules],
              message: "the sandboxed preload imports only electron and core/api types (layer rule)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/host/**", "**/electron/**", "electron", ...nodeModules],
              message: "renderer talks to the host only through renderer/platform (layer rule)",
            },
          ],
        },
      ],
    },
  },
  {
    // A worker runs pure work off the main thread: core only, no React, no state, no platform.
    files: ["renderer/workers/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!\\.\\./\\.\\./core/)", message: "a renderer worker imports core only (layer rule)" }] },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "out/**", "coverage/**", "test-artifacts/**", "test/fixtures/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { process: "readonly", require: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layerRules,
);
