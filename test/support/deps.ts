import type { CoreDeps } from "../../core/model/deps";

/** A deterministic clock and id source for core functions under test. */
export function fixedDeps(start = "2025-01-10T08:00:00.000+08:00"): CoreDeps {
  let n = 0;
  return {
    now: () => start,
    newId: () => `test-id-${String(++n).padStart(4, "0")}`,
  };
}
