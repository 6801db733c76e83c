import { z } from "zod";

/** The statutory parts of the report (厅字〔2019〕28号 items （一）–（五）) by stable id. */
export const PartId = z.enum(["duty", "measures", "shortcomings", "nextYear", "other"]);
export type PartId = z.infer<typeof PartId>;
