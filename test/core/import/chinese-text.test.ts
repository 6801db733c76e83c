import { describe, expect, it } from "vitest";
import { parseChineseNumeral, toChineseNumeral } from "../../../core/text/chinese-numeral";
import { findChineseDate } from "../../../core/text/chinese-date";

describe("Chinese numerals", () => {
  it.each([
    ["一", 1],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["九十九", 99],
    ["一百零八", 108],
    ["一千九百", 1900],
    ["三万五千", 35000],
    ["两万", 20000],
    ["千", 1000],
    ["二〇二四", 2024],
    ["一亿二千万", 120000000],
  ])("%s = %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it("rejects what is not a numeral", () => {
    for (const text of ["", "十四五", "八五", "五五", "abc"]) expect(parseChineseNumeral(text), text).toBeNull();
  });

  it("round-trips heading numbers", () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });
});

describe("dates", () => {
  it.each([
    ["2024年1月17日", "2024-01-17"],
    ["二〇二四年一月十七日", "2024-01-17"],
    ["二〇二三年十二月三十一日", "2023-12-31"],
    ["（2024 年 2 月 1 日）", "2024-02-01"],
    ["2024-01-17", "2024-01-17"],
    ["2024.1.5", "2024-01-05"],
    ["２０２４年１月１７日", "2024-01-17"],
  ])("%s", (text, iso) => {
    expect(findChineseDate(text)?.iso).toBe(iso);
  });

  it("rejects impossible dates", () => {
    expect(findChineseDate("2023年2月30日")).toBeNull();
    expect(findChineseDate("2023年")).toBeNull();
  });
});
