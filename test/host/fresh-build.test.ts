import { describe, expect, it } from "vitest";
import { builtAt, newestSource } from "../support/fresh-build";

describe("the bundle the tests run", () => {
  it("is at least as new as every source file (the global setup rebuilds a stale dist/)", () => {
    const built = builtAt();
    expect(built).not.toBeNull();
    expect(newestSource()).toBeLessThanOrEqual(built ?? 0);
  });
});
