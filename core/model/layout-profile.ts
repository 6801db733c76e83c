import { z } from "zod";

/**
 * Layout choices stored with the report. `strict` is GB/T 9704 as written; the switches are
 * what localities ask for on top of it.
 */
export const LayoutProfile = z.object({
  name: z.enum(["strict", "custom"]).default("strict"),
  boldLevel2: z.boolean().default(false),
  boldLevel3: z.boolean().default(false),
  timesNewRomanDigits: z.boolean().default(false),
  fangsongFamily: z.enum(["仿宋_GB2312", "仿宋"]).default("仿宋_GB2312"),
  opticalTopMargin: z.boolean().default(false),
  /** lineGrid: line grid plus −0.25 pt character spacing; charGrid: Word's character grid. Never both. */
  gridMode: z.enum(["lineGrid", "charGrid"]).default("lineGrid"),
  thousandsSeparator: z.boolean().default(false),
  /** sealed: 落款 placed for a 公章 per 7.3.5.1; unsealed: per 7.3.5.2. */
  closing: z.enum(["sealed", "unsealed"]).default("sealed"),
});
export type LayoutProfile = z.infer<typeof LayoutProfile>;
