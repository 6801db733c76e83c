import Decimal from "decimal.js";

/**
 * decimal.js with enough precision for every field value: values hold up to 21 integer and 8
 * decimal digits, and the library's default 20 significant digits would silently round them.
 */
export const Exact = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
export type Exact = Decimal;
