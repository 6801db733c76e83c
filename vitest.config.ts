import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Tests (and the CLI and host processes they start) keep font subsets in a cache of their own,
// never in the user's (~/.cache/nianbao).
process.env["NIANBAO_CACHE_DIR"] ??= join(tmpdir(), "nianbao-test-cache");

export default defineConfig({
  test: {
    // dist/ is rebuilt when a source is newer than it, so no test runs an old bundle.
    globalSetup: ["test/support/fresh-build.ts"],
    projects: [
      { test: { name: "core", environment: "node", include: ["test/core/**/*.test.ts"] } },
      { test: { name: "host", environment: "node", include: ["test/host/**/*.test.ts", "test/layers/**/*.test.ts"], testTimeout: 60_000 } },
      { test: { name: "electron", environment: "node", include: ["test/electron/**/*.test.ts"] } },
      {
        test: {
          name: "renderer",
          environment: "happy-dom",
          include: ["test/renderer/**/*.test.{ts,tsx}"],
          setupFiles: ["test/renderer/support/setup.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Polls wait for the page, not for a clock: on a loaded 2-core machine a render after a key
          // can take longer than vitest's 1 s default, and a poll that gives up then proves nothing.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
    passWithNoTests: true,
  },
});
