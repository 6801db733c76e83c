import { resolve } from "node:path";
import { z } from "zod";
import { startTeamServer } from "../../team/start-team-server";
import { readTeamUsers } from "../../team/team-users";
import { EXIT_OK, type CliIo } from "../cli-io";
import { parseCliArgs } from "../parse-cli-args";
import { existingTeamFolder } from "../../team/team-folder";
import { runUntilStopped } from "../run-until-stopped";

const USAGE =
  "nianbao team-server --dir <报告文件夹> [--port <n>] [--host <地址>] [--redis redis://主机:端口] [--cert <证书.pem> --key <私钥.pem>]";

const Args = z
  .object({
    dir: z.string().min(1, "须用 --dir 指定报告文件夹"),
    port: z
      .string()
      .regex(/^\d{1,5}$/, "--port 须为端口号")
      .transform(Number)
      .refine((p) => p <= 65535, "--port 须为端口号")
      .default(1234),
    host: z.string().min(1).default("127.0.0.1"),
    redis: z
      .string()
      .regex(/^redis:\/\/[^\s/]+(:\d{1,5})?\/?$/u, "--redis 须写作 redis://主机:端口")
      .optional(),
    cert: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    positionals: z.array(z.string()).max(0, "多余的参数"),
  })
  .refine((a) => (a.cert === undefined) === (a.key === undefined), "--cert 与 --key 须同时给出");

/** Team mode: serves the folder's reports to the unit's members until Ctrl+C. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseCliArgs(
    args,
    {
      dir: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      redis: { type: "string" },
      cert: { type: "string" },
      key: { type: "string" },
    },
    Args,
    USAGE,
  );
  const dir = await existingTeamFolder(io.cwd, opts.dir);
  const members = (await readTeamUsers(dir)).filter((u) => u.revokedAt === null).length;
  const server = await startTeamServer({
    dir,
    port: opts.port,
    host: opts.host,
    ...(opts.redis === undefined ? {} : { redis: opts.redis }),
    ...(opts.cert === undefined || opts.key === undefined
      ? {}
      : { tls: { cert: resolve(io.cwd, opts.cert), key: resolve(io.cwd, opts.key) } }),
    now: () => io.clock.now(),
    log: (line) => io.err(`${line}\n`),
  });
  io.out(
    `团队服务器已启动：${server.url}\n报告文件夹：${dir}（${members} 名成员${members === 0 ? "，请先用 nianbao team-user add 添加" : ""}）\n` +
      `${opts.host === "127.0.0.1" ? "仅本机可连接；如需局域网连接，请用 --host 指定地址（建议同时用 --cert/--key 启用 TLS）。\n" : ""}` +
      `按 Ctrl+C 退出（退出前会保存所有报告）。\n` +
      `Nianbao team server listening on ${server.url} (Ctrl+C to stop)\n`,
  );
  await runUntilStopped(() => server.close());
  return EXIT_OK;
}
