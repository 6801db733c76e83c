import { describe, expect, it } from "vitest";
import { compareYoy, fieldYoy } from "../../../core/fields/compare-yoy";
import { rollFieldForward, seriesChanges, seriesOf } from "../../../core/fields/field-series";
import { Field, type FieldKind, type Qualifier } from "../../../core/model/field";

const plain = (value: string | null, qualifier: Qualifier = "none", exact?: boolean) => ({
  value,
  qualifier,
  ...(exact === undefined ? {} : { exact }),
});

describe("YoY wording", () => {
  it("holds the worked examples: 超36万件 → 400000 and 93.26% → 95.5%", () => {
    const accepted = Field.parse({
      id: "accepted",
      label: "受理审批服务事项",
      kind: "count",
      value: "400000",
      unit: "件",
      scale: "万",
      status: "confirmed",
      lastYear: { value: "360000", unit: "件", scale: "万", qualifier: "超" },
    });
    expect(fieldYoy(accepted)?.wording).toBe("同比增长11.11%");
    const closed = Field.parse({
      id: "closed",
      label: "结案率",
      kind: "percent",
      value: "95.5",
      unit: "%",
      decimals: 1,
      status: "confirmed",
      lastYear: { value: "93.26", unit: "%" },
    });
    expect(fieldYoy(closed)?.wording).toBe("提高2.24个百分点");
  });

  it.each<[string, string, string, FieldKind, number, string]>([
    ["rise", "117.48", "100", "count", 2, "同比增长17.48%"],
    ["fall", "96.8", "100", "count", 2, "同比下降3.2%"],
    ["fall in whole percent", "76", "101", "count", 0, "同比下降25%"],
    ["equal", "590", "590", "count", 2, "与上年持平"],
    ["equal at display precision", "1000001", "1000000", "count", 2, "与上年持平"],
    ["both zero", "0", "0", "count", 2, "与上年持平"],
    ["last year zero", "12", "0", "count", 2, "上年为零"],
    ["drop to zero", "0", "9", "count", 2, "同比下降100%"],
    ["rounding half-up at .005", "100.005", "100", "amount", 2, "同比增长0.01%"],
    ["just under .005", "100.00499", "100", "amount", 2, "与上年持平"],
    ["falling at .005 rounds away from zero", "99.995", "100", "amount", 2, "同比下降0.01%"],
    ["万 scale is irrelevant to the rate", "29000", "26000", "count", 2, "同比增长11.54%"],
    ["growth decimals 1", "1117", "1000", "count", 1, "同比增长11.7%"],
    ["rate up in points", "95.5", "93.26", "percent", 2, "提高2.24个百分点"],
    ["rate down in points", "38", "45.01", "percent", 2, "下降7.01个百分点"],
    ["rate equal", "100", "100", "percent", 2, "与上年持平"],
    ["share in points", "26", "24", "ratio", 2, "提高2个百分点"],
    ["points rounded half-up", "93.305", "93.3", "percent", 2, "提高0.01个百分点"],
    ["rate from zero", "28", "0", "percent", 0, "提高28个百分点"],
  ])("%s", (_name, current, last, kind, decimals, wording) => {
    expect(compareYoy(plain(current), plain(last), kind, decimals)?.wording).toBe(wording);
  });

  it("says 约 when a value is an approximation and not for an exact value behind 超", () => {
    expect(compareYoy(plain("400000"), plain("360000", "约"), "count")?.wording).toBe("同比增长约11.11%");
    expect(compareYoy(plain("400000", "近"), plain("360000"), "count")?.wording).toBe("同比增长约11.11%");
    expect(compareYoy(plain("400000"), plain("360000", "超", false), "count")?.wording).toBe("同比增长约11.11%");
    expect(compareYoy(plain("400000"), plain("360000", "超"), "count")?.wording).toBe("同比增长11.11%");
    expect(compareYoy(plain("400000"), plain("360000", "约", true), "count")?.wording).toBe("同比增长11.11%");
    expect(compareYoy(plain("30", "约"), plain("26"), "ratio")?.wording).toBe("提高约4个百分点");
  });

  it("has nothing to say without both values, for a growth rate, or against a negative base", () => {
    expect(compareYoy(plain(null), plain("1"), "count")).toBeNull();
    expect(compareYoy(plain("1"), plain(null), "count")).toBeNull();
    expect(compareYoy(plain("17.48"), plain("12"), "growth")).toBeNull();
    expect(compareYoy(plain("5"), plain("-5"), "amount")).toBeNull();
  });

  it("keeps the exact change unrounded for the checker", () => {
    expect(compareYoy(plain("400000"), plain("360000"), "count")?.exact).toMatch(/^11\.1111111/);
    expect(compareYoy(plain("95.5"), plain("93.26"), "percent")).toMatchObject({
      mode: "points",
      direction: "up",
      exact: "2.24",
      shown: "2.24",
    });
  });
});

describe("series across years", () => {
  const f2022 = Field.parse({ id: "disputes", label: "调解纠纷", kind: "count", value: "1600", unit: "件", status: "confirmed" });

  it("rolls 2022 → 2023 → 2024 keeping every year and wording each change", () => {
    const f2023 = { ...rollFieldForward(f2022, 2022), value: "1900", status: "confirmed" as const };
    expect(f2023.lastYear?.value).toBe("1600");
    expect(rollFieldForward(f2022, 2022)).toMatchObject({ status: "unconfirmed", value: null, lastYear: { value: "1600" } });
    const f2024 = { ...rollFieldForward(f2023, 2023), value: "1805" };
    expect(Field.parse(f2024)).toEqual(f2024);
    expect(seriesOf(f2024, 2024)).toEqual([
      { year: 2022, value: "1600" },
      { year: 2023, value: "1900" },
      { year: 2024, value: "1805" },
    ]);
    expect(seriesChanges(f2024, 2024).map((c) => [c.year, c.yoy.wording])).toEqual([
      [2023, "同比增长18.75%"],
      [2024, "同比下降5%"],
    ]);
  });
});
