import { describe, expect, it } from "vitest";
import { findFields } from "../../../core/import/find-fields";

describe("findFields scales values without rounding", () => {
  it("keeps every digit of a long 万-scaled value", () => {
    const [found] = findFields("全年受理123456789012345.12345678万件。");
    expect(found?.value).toBe("1234567890123451234.5678");
  });
});
