import { defineConfig } from "vitest/config";

/** `npm run bench:micro`: function-level timings (tinybench); the peer comparison is `npm run bench` (bench/run.mjs). */
export default defineConfig({
  test: { include: ["bench/**/*.bench.ts"], environment: "node" },
});
