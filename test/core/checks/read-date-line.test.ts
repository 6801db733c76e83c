import { describe, expect, it } from "vitest";
import { readDateLine } from "../../../core/text/chinese-date";

describe("readDateLine", () => {
  it.each([
    ["2025.01.07", { year: 2025, month: 1, day: 7 }],
    ["２０２５年１月１７日", { year: 2025, month: 1, day: 17 }],
    ["２０２５．１．１７", { year: 2025, month: 1, day: 17 }],
    ["二〇二五年十二月三十一日", { year: 2025, month: 12, day: 31 }],
    ["二○二四年二月二十九日", { year: 2024, month: 2, day: 29 }],
    ["  2025-1-7  ", { year: 2025, month: 1, day: 7 }],
  ])("reads %s", (line, date) => {
    expect(readDateLine(line)).toEqual(date);
  });

  it.each(["2025年2月29日", "2025年13月1日", "二〇二五年一一月一日", "2025年1月7日前报送", "共 2025 件"])("refuses %s", (line) => {
    expect(readDateLine(line)).toBeUndefined();
  });
});
