import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { runCli } from "../../support/run-cli";

/* `nianbao team-user` as an administrator uses it, mistakes included. */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-team-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("prints a new member's token once, as the last line, and keeps only its hash", () => {
  const added = runCli([
    "team-user",
    "add",
    "司法所",
    "--dir",
    dir,
    "--role",
    "部门",
    "--parts",
    "measures.2,duty",
    "--fields-of",
    "司法所",
  ]);
  expect(added.status).toBe(0);
  const token = added.stdout.trim().split("\n").at(-1) ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const stored = readFileSync(join(dir, ".nianbao-team", "users.json"), "utf8");
  expect(stored).not.toContain(token);
  const listed = runCli(["team-user", "list", "--dir", dir, "--json"]);
  expect(JSON.parse(listed.stdout)).toEqual([
    expect.objectContaining({ name: "司法所", role: "部门", parts: ["measures.2", "duty"], fieldsOf: "司法所", revokedAt: null }),
  ]);
  expect(listed.stdout).not.toContain("tokenHash");
});

test("refuses mistakes with a Chinese and an English message, and changes nothing", () => {
  const cases: [string[], RegExp][] = [
    [["team-user", "add", "王小明", "--dir", join(dir, "nowhere"), "--role", "拟稿人"], /找不到报告文件夹[\s\S]*no such folder/],
    [["team-user", "add", "王小明", "--dir", dir, "--role", "局长"], /参数有误[\s\S]*bad arguments/],
    [["team-user", "add", "司法所", "--dir", dir, "--role", "部门"], /须用 --parts[\s\S]*--fields-of/],
    [["team-user", "add", "司法所", "--dir", dir, "--role", "部门", "--parts", "第二部分"], /部分须写作部分编号/],
    [["team-user", "add", "王小明", "--dir", dir, "--role", "拟稿人", "--parts", "duty"], /只用于部门成员[\s\S]*for 部门 members only/],
    [["team-user", "revoke", "无此人", "--dir", dir], /没有名为“无此人”的有效成员[\s\S]*no active member/],
    [["team-server", "--dir", dir, "--cert", "a.pem"], /--cert 与 --key 须同时给出/],
  ];
  for (const [args, message] of cases) {
    const result = runCli(args);
    expect(result.status, args.join(" ")).not.toBe(0);
    expect(result.stderr, args.join(" ")).toMatch(message);
  }
  expect(runCli(["team-user", "list", "--dir", dir]).stdout).toContain("还没有成员");
  expect(runCli(["team-user", "add", "王小明", "--dir", dir, "--role", "拟稿人"]).status).toBe(0);
  const twice = runCli(["team-user", "add", "王小明", "--dir", dir, "--role", "审核人"]);
  expect(twice.stderr).toMatch(/已有名为“王小明”的成员/);
});
