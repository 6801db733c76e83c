import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { TeamUser, type PartGrant, type TeamRole } from "../../core/collab/team-user";
import { fileError, NianbaoError } from "../../core/errors/nianbao-error";
import { writeFileAtomic } from "../storage/atomic-write";
import { withReportLock } from "../storage/report-lock";
import { usersFileOf } from "./team-folder";

const UsersFile = z.object({ version: z.literal(1), users: z.array(TeamUser).max(1000) }).strict();
type UsersFile = z.infer<typeof UsersFile>;

export interface NewTeamUser {
  name: string;
  role: TeamRole;
  parts: PartGrant[];
  fieldsOf: string | null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function readTeamUsers(dir: string): Promise<TeamUser[]> {
  const path = usersFileOf(dir);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw fileError(error, path, "read");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(path, "不是 JSON / not JSON");
  }
  const parsed = UsersFile.safeParse(json);
  if (!parsed.success) throw damaged(path, parsed.error.issues[0]?.message ?? "");
  return parsed.data.users;
}

function damaged(path: string, detail: string): NianbaoError {
  return new NianbaoError(
    "file_invalid",
    `团队成员文件已损坏：${path}（${detail}）`,
    `the team's users file is damaged: ${path} (${detail})`,
  );
}

/** Changes the users file under a lock, so two `team-user add` at once cannot lose one. */
async function updateUsers(dir: string, change: (users: TeamUser[]) => TeamUser[]): Promise<void> {
  const path = usersFileOf(dir);
  await mkdir(dirname(path), { recursive: true });
  await withReportLock(path, async () => {
    const next: UsersFile = { version: 1, users: change(await readTeamUsers(dir)) };
    await writeFileAtomic(path, `${JSON.stringify(UsersFile.parse(next), null, 2)}\n`);
  });
}

/** Adds a person and returns their token, which exists nowhere else: only its hash is kept. */
export async function addTeamUser(dir: string, user: NewTeamUser, now: string): Promise<string> {
  if (user.role === "部门" && user.parts.length === 0 && user.fieldsOf === null) {
    throw new NianbaoError(
      "invalid_input",
      "部门成员须用 --parts 指定可修改的部分，或用 --fields-of 指定可填写哪个部门的数字。",
      "a 部门 member needs --parts and/or --fields-of: otherwise they could change nothing",
    );
  }
  const token = randomBytes(32).toString("base64url");
  await updateUsers(dir, (users) => {
    if (users.some((u) => u.name === user.name && u.revokedAt === null)) {
      throw new NianbaoError(
        "invalid_input",
        `已有名为“${user.name}”的成员；如需重新发放口令，请先撤销（team-user revoke）。`,
        `there is already a member named ${user.name}; revoke them first to issue a new token`,
      );
    }
    return [...users, TeamUser.parse({ ...user, tokenHash: hashToken(token), createdAt: now })];
  });
  return token;
}

export async function revokeTeamUser(dir: string, name: string, now: string): Promise<void> {
  await updateUsers(dir, (users) => {
    if (!users.some((u) => u.name === name && u.revokedAt === null)) {
      throw new NianbaoError("not_found", `没有名为“${name}”的有效成员。`, `no active member named ${name}`);
    }
    return users.map((u) => (u.name === name && u.revokedAt === null ? { ...u, revokedAt: now } : u));
  });
}

/** The active member a token belongs to, or null (wrong or revoked token). */
export function findByToken(users: readonly TeamUser[], token: string): TeamUser | null {
  const hash = Buffer.from(hashToken(token), "hex");
  for (const user of users) {
    if (user.revokedAt !== null) continue;
    if (timingSafeEqual(hash, Buffer.from(user.tokenHash, "hex"))) return user;
  }
  return null;
}
