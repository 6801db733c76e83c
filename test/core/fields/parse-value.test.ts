import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatValue, shownScale, type FormattableValue } from "../../../core/fields/format-field";
import { parseValue, type ParsedValue } from "../../../core/fields/parse-value";
import type { DisplayScale, Qualifier } from "../../../core/model/field";

function parsed(input: string, unit?: string): ParsedValue {
  const result = parseValue(input, unit === undefined ? {} : { unit });
  if (!result.ok) throw new Error(`${input}: ${result.en}`);
  return result.parsed;
}

describe("parseValue: what a clerk types", () => {
  it.each([
    ["超36万", { value: "360000", scale: "万", qualifier: "超", decimals: 0, unit: null }],
    ["1900余", { value: "1900", scale: null, qualifier: "余", decimals: 0, unit: null }],
    ["约26%", { value: "26", scale: null, qualifier: "约", decimals: 0, unit: "%" }],
    ["93.26%", { value: "93.26", scale: null, qualifier: "none", decimals: 2, unit: "%" }],
    ["36万件", { value: "360000", scale: "万", qualifier: "none", decimals: 0, unit: "件" }],
    ["超 36 万件", { value: "360000", scale: "万", qualifier: "超", decimals: 0, unit: "件" }],
    ["1.5万余份", { value: "15000", scale: "万", qualifier: "余", decimals: 1, unit: "份" }],
    ["超过2.6万家次", { value: "26000", scale: "万", qualifier: "超", decimals: 1, unit: "家次" }],
    ["累计7万平方米", { value: "70000", scale: "万", qualifier: "累计", decimals: 0, unit: "平方米" }],
    ["近1000人次", { value: "1000", scale: null, qualifier: "近", decimals: 0, unit: "人次" }],
    ["50件以上", { value: "50", scale: null, qualifier: "以上", decimals: 0, unit: "件" }],
    ["1,234,567", { value: "1234567", scale: null, qualifier: "none", decimals: 0, unit: null }],
    ["３６万", { value: "360000", scale: "万", qualifier: "none", decimals: 0, unit: null }],
    ["93.26％", { value: "93.26", scale: null, qualifier: "none", decimals: 2, unit: "%" }],
    ["2.5亿", { value: "250000000", scale: "亿", qualifier: "none", decimals: 1, unit: null }],
    ["-3.2%", { value: "-3.2", scale: null, qualifier: "none", decimals: 1, unit: "%" }],
    ["0", { value: "0", scale: null, qualifier: "none", decimals: 0, unit: null }],
  ] as const)("%s", (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it.each([
    ["两", { value: "2", scale: null, qualifier: "none", decimals: 0, unit: null }],
    ["三十二", { value: "32", scale: null, qualifier: "none", decimals: 0, unit: null }],
    ["一千九百余", { value: "1900", scale: null, qualifier: "余", decimals: 0, unit: null }],
    ["二点六万", { value: "26000", scale: "万", qualifier: "none", decimals: 1, unit: null }],
    ["超三十六万件", { value: "360000", scale: "万", qualifier: "超", decimals: 0, unit: "件" }],
    ["三万五千", { value: "35000", scale: null, qualifier: "none", decimals: 0, unit: null }],
    ["近千", { value: "1000", scale: null, qualifier: "近", decimals: 0, unit: null }],
  ] as const)("Chinese numerals typed in the value box: %s", (input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it("still refuses Chinese that is not a numeral", () => {
    expect(parseValue("三十二点").ok).toBe(false);
    expect(parseValue("二点十").ok).toBe(false);
    expect(parseValue("很多").ok).toBe(false);
  });

  it("reads a unit that starts with 万 as the unit when the field has it", () => {
    expect(parsed("36万元", "万元")).toEqual({ value: "36", scale: null, qualifier: "none", decimals: 0, unit: "万元" });
    expect(parsed("超1.2万元", "万元")).toMatchObject({ value: "1.2", qualifier: "超", unit: "万元" });
    expect(parsed("36万元")).toMatchObject({ value: "360000", scale: "万", unit: "元" });
  });

  it("keeps all 21 integer digits and 8 decimals a value may have", () => {
    expect(parsed("123456789012345678901").value).toBe("123456789012345678901");
    expect(parsed("12345678901234567.8901万").value).toBe("123456789012345678901");
    expect(formatValue({ value: "123456789012345678901", scale: "万", qualifier: "none", decimals: 4, unit: "件" })).toBe(
      "12345678901234567.8901万件",
    );
  });

  it.each(["abc", "1e309", "", "   ", "36万万", "超约36", "1.2.3", "Infinity", "NaN", "0x10", "12345678901234567890123"])(
    "refuses %j with a message in both languages",
    (input) => {
      const result = parseValue(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(result.en).toMatch(/[a-z]/);
      }
    },
  );
});

const scales: DisplayScale[] = ["none", "万", "亿"];
const qualifiers: Qualifier[] = ["none", "超", "约", "余", "近", "累计", "以上"];
const units = ["件", "家次", "平方米", "%", "万元", null];

const formattable = fc.record({
  digits: fc.bigInt({ min: 0n, max: 10n ** 14n }),
  fraction: fc.integer({ min: 0, max: 4 }),
  scale: fc.constantFrom(...scales),
  qualifier: fc.constantFrom(...qualifiers),
  decimals: fc.integer({ min: 0, max: 4 }),
  unit: fc.constantFrom(...units),
});

function toValue(digits: bigint, fraction: number): string {
  if (fraction === 0) return digits.toString();
  const s = digits.toString().padStart(fraction + 1, "0");
  const v = `${s.slice(0, -fraction)}.${s.slice(-fraction)}`.replace(/\.?0+$/, "");
  return v === "" ? "0" : v;
}

describe("parse ∘ format", () => {
  it("reads back what it writes: same text, same qualifier, scale, unit and decimals", () => {
    fc.assert(
      fc.property(formattable, ({ digits, fraction, scale, qualifier, decimals, unit }) => {
        const v: FormattableValue = { value: toValue(digits, fraction), scale, qualifier, decimals, unit };
        const text = formatValue(v);
        if (text === null) return false;
        // A value the scale cannot show (1 in 亿 reads 0亿) prints unscaled with its own decimals.
        const shown = shownScale(v);
        const back = parsed(text, unit ?? undefined);
        expect(back.qualifier).toBe(qualifier);
        expect(back.scale).toBe(shown.scale === "none" ? null : shown.scale);
        expect(back.unit).toBe(unit);
        expect(back.decimals).toBe(shown.decimals);
        expect(formatValue({ value: back.value, scale: shown.scale, qualifier, decimals: shown.decimals, unit })).toBe(text);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("keeps an exactly displayable value exact through the round trip", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.constantFrom(...scales), (digits, scale) => {
        const factor = scale === "none" ? 1n : scale === "万" ? 10n ** 4n : 10n ** 8n;
        const value = (digits * factor).toString();
        const text = formatValue({ value, scale, qualifier: "超", decimals: 0, unit: "件" });
        expect(text).not.toBeNull();
        expect(parsed(text ?? "").value).toBe(value);
      }),
      { numRuns: 200 },
    );
  });
});
