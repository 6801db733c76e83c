import { defineConfig } from "vitest/config";

/** `npm run bench`: speed and memory targets live here, never in timed unit tests. */
export default defineConfig({
  test: { include: ["bench/**/*.bench.ts"], environment: "node" },
});
