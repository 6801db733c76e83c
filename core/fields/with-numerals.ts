import type { Field, WrittenForm } from "../model/field";
import { defaultFrame } from "./format-field";

export type Numerals = WrittenForm["numerals"];

/**
 * The field printed in other numerals from now on, by the clerk's choice (两座 ↔ 2座); the words
 * and spaces around the number stay as written. Typing a value never changes the numerals.
 */
export function withNumerals(field: Field, numerals: Numerals): Field {
  const written: WrittenForm = field.written ?? {
    numerals: "digits",
    two: "两",
    bareUnit: false,
    grouped: false,
    fullWidth: false,
    frame: defaultFrame(field),
  };
  return { ...field, written: { ...written, numerals, bareUnit: numerals === "chinese" && written.bareUnit } };
}
