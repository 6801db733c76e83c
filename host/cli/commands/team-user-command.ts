import { z } from "zod";
import { PartGrant, TeamRole } from "../../../core/collab/team-user";
import { NianbaoError } from "../../../core/errors/nianbao-error";
import { addTeamUser, readTeamUsers, revokeTeamUser } from "../../team/team-users";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";
import { existingTeamFolder } from "../../team/team-folder";

const USAGE =
  "nianbao team-user add <姓名> --dir <报告文件夹> --role <拟稿人|部门|审核人|签发人> [--parts <部分>[,<部分>…]] [--fields-of <部门>] | list --dir <报告文件夹> [--json] | revoke <姓名> --dir <报告文件夹>";

const Args = z.object({
  dir: z.string().min(1, "须用 --dir 指定报告文件夹"),
  role: TeamRole.optional(),
  parts: z
    .string()
    .transform((s) =>
      s
        .split(/[,，、]/u)
        .map((p) => p.trim())
        .filter((p) => p !== ""),
    )
    .pipe(z.array(PartGrant))
    .optional(),
  "fields-of": z.string().trim().min(1).max(100).optional(),
  json: z.boolean().default(false),
  positionals: z.union([
    z.tuple([z.literal("add"), z.string().trim().min(1).max(100)]),
    z.tuple([z.literal("revoke"), z.string().trim().min(1).max(100)]),
    z.tuple([z.literal("list")]),
  ]),
});

/** Who may connect to the team server: tokens are printed once (the last line) and kept only hashed. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      dir: { type: "string" },
      role: { type: "string" },
      parts: { type: "string" },
      "fields-of": { type: "string" },
      json: { type: "boolean" },
    },
    Args,
    USAGE,
  );
  const dir = await existingTeamFolder(io.cwd, opts.dir);
  const [verb, name] = opts.positionals;
  if (verb === "list") {
    const users = await readTeamUsers(dir);
    const shown = users.map(({ tokenHash: _hidden, ...user }) => user);
    if (opts.json) {
      io.out(`${JSON.stringify(shown, null, 2)}\n`);
      return EXIT_OK;
    }
    if (shown.length === 0) io.out("还没有成员。/ No members yet.\n");
    for (const u of shown) {
      const scope = u.role === "部门" ? `  部分：${u.parts.join("、") || "无"}  数字：${u.fieldsOf ?? "无"}` : "";
      io.out(`${u.name}\t${u.role}${scope}${u.revokedAt === null ? "" : `\t已撤销 ${u.revokedAt}`}\n`);
    }
    return EXIT_OK;
  }
  if (verb === "revoke") {
    await revokeTeamUser(dir, name, io.clock.now());
    io.out(`已撤销“${name}”的口令；其已打开的连接在下次连接时被拒绝。\nRevoked ${name}.\n`);
    return EXIT_OK;
  }
  if (opts.role === undefined)
    throw new NianbaoError("invalid_input", `须用 --role 指定角色。\n用法：${USAGE}`, `--role is required\nUsage: ${USAGE}`);
  if (opts.role !== "部门" && (opts.parts !== undefined || opts["fields-of"] !== undefined)) {
    throw new NianbaoError("invalid_input", "--parts 和 --fields-of 只用于部门成员。", "--parts and --fields-of are for 部门 members only");
  }
  const token = await addTeamUser(
    dir,
    { name, role: opts.role, parts: opts.parts ?? [], fieldsOf: opts["fields-of"] ?? null },
    io.clock.now(),
  );
  io.out(
    `已添加成员“${name}”（${opts.role}）。口令只显示这一次，请当面或以安全方式交给本人：\nAdded ${name} (${opts.role}); the token is shown once, below:\n${token}\n`,
  );
  return EXIT_OK;
}
