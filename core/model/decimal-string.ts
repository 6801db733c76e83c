import { z } from "zod";

/**
 * An exact decimal written as a plain string ("360000", "93.26", "-3.5").
 * Numbers cross files, IPC and HTTP as strings so that no binary float ever rounds them;
 * no exponent form, so "1e309" is rejected at the boundary.
 */
export const DecimalString = z.string().regex(/^-?(0|[1-9]\d{0,20})(\.\d{1,8})?$/, "不是有效的十进制数 (not a plain decimal number)");
export type DecimalString = z.infer<typeof DecimalString>;
