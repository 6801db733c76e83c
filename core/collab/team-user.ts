import { z } from "zod";

/** Who a team member is to the report: 拟稿人 and 审核人 write, 部门 writes what it is given, 签发人 signs. */
export const TeamRole = z.enum(["拟稿人", "部门", "审核人", "签发人"]);
export type TeamRole = z.infer<typeof TeamRole>;

/** A statutory part by id (`measures`), or one subsection of it by its level-2 heading's place (`measures.3` = （三）). */
export const PartGrant = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,39}(\.\d{1,3})?$/, "部分须写作部分编号或“部分编号.序号”，如 measures 或 measures.3");
export type PartGrant = z.infer<typeof PartGrant>;

export const TeamUser = z
  .object({
    name: z.string().trim().min(1, "须填写姓名").max(100),
    role: TeamRole,
    /** For 部门: the parts and subsections it may write in. */
    parts: z.array(PartGrant).max(100).default([]),
    /** For 部门: the department whose fields (by their 来源部门) it may fill. */
    fieldsOf: z.string().trim().min(1).max(100).nullable().default(null),
    /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
    tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: z.iso.datetime({ offset: true }),
    revokedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict();
export type TeamUser = z.infer<typeof TeamUser>;

/** What the server tells a client about the person it authenticated. */
export const TeamIdentity = TeamUser.pick({ name: true, role: true, parts: true, fieldsOf: true });
export type TeamIdentity = z.infer<typeof TeamIdentity>;
