import { z } from "zod";

/**
 * A statutory part of a report by its stable id, as its template names it (法治: duty, measures,
 * shortcomings, nextYear, other; 信息公开: overview, proactive, requests, appeals, problems, other).
 */
export const PartId = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, "部分编号格式不正确 (bad part id)");
export type PartId = z.infer<typeof PartId>;
