import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { FIELDS_MAP, readReportFromYDoc } from "../../../core/collab/report-ydoc";
import { loadReportFile, saveReportFile } from "../../../host/storage/report-file";
import { startTeamServer, type TeamServer } from "../../../host/team/start-team-server";
import { TEAM_DIR } from "../../../host/team/team-folder";
import { finishedReport } from "../../support/finished-report";
import { runCli } from "../../support/run-cli";
import { addMember, bodyText, connectTeamClient, setFieldValue, teamFolder, typeInto, waitFor, type TeamClient } from "../../support/team";

/*
 * Team mode on loopback: real Hocuspocus clients (the provider the app uses) against the team
 * server, on the rolled-forward 木渎镇 report.
 */

let root: string;
let folder: ReturnType<typeof teamFolder>;
let server: TeamServer;
const clients: TeamClient[] = [];

function connect(token: string): TeamClient {
  const client = connectTeamClient(server.url, folder.name, token);
  clients.push(client);
  return client;
}

async function converged(...members: TeamClient[]): Promise<void> {
  await Promise.all(members.map((m) => m.acknowledged()));
  await waitFor(
    () => members.every((m) => Y.equalSnapshots(Y.snapshot(m.doc), Y.snapshot(members[0]!.doc))),
    10_000,
    "clients to converge",
  );
}

function fieldIds(doc: Y.Doc): string[] {
  return [...doc.getMap(FIELDS_MAP).keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

function rejected(client: TeamClient): string[] {
  return client.messages.flatMap((m) => (m.type === "nianbao.rejected" ? [m.zh] : []));
}

function logBytes(): Buffer {
  const logs = join(folder.dir, TEAM_DIR, "logs");
  return Buffer.concat(
    readdirSync(logs, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name))),
  );
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), "nianbao-team-"));
  folder = teamFolder(root);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

async function start(): Promise<void> {
  server = await startTeamServer({ dir: folder.dir, now: () => new Date().toISOString(), log: () => undefined, saveDelay: 200 });
}

/** A 拟稿人 and a 审核人 (both may edit everything), connected and synced. */
async function drafterAndReviewer(): Promise<[TeamClient, TeamClient]> {
  const drafter = addMember(folder.dir, "王小明", "拟稿人");
  const reviewer = addMember(folder.dir, "李科长", "审核人");
  await start();
  const a = connect(drafter);
  const b = connect(reviewer);
  await Promise.all([a.synced, b.synced]);
  return [a, b];
}

describe("team server", () => {
  test("two members typing into one paragraph and filling different fields at once end with the same document and the same .nianbao", async () => {
    const [a, b] = await drafterAndReviewer();
    const [first, second] = fieldIds(a.doc);
    for (let i = 0; i < 20; i += 1) {
      typeInto(a.doc, "measures", 1, `甲${i}`, 0);
      typeInto(b.doc, "measures", 1, `乙${i}`, 4);
    }
    setFieldValue(a.doc, first!, "1234");
    setFieldValue(b.doc, second!, "5678");
    await converged(a, b);
    const text = bodyText(a.doc);
    for (let i = 0; i < 20; i += 1) {
      expect(text).toContain(`甲${i}`);
      expect(text).toContain(`乙${i}`);
    }
    await server.close();
    const saved = (await loadReportFile(folder.path)).report;
    const shared = readReportFromYDoc(b.doc);
    expect(saved.body).toEqual(shared.body);
    expect(saved.fields[first!]?.value).toBe("1234");
    expect(saved.fields[second!]?.value).toBe("5678");
    expect(JSON.stringify(saved.body)).toContain("甲19");
  });

  test("a department changes only its own subsection and fields; anything else is taken back, reaches nobody and is not saved", async () => {
    const loaded = await loadReportFile(folder.path);
    const [own, other] = Object.keys(loaded.report.fields);
    expect(runCli(["fields", folder.path, "--source", `${own!}=司法所`, "--source", `${other!}=信访办`]).status).toBe(0);
    const drafter = addMember(folder.dir, "王小明", "拟稿人");
    const department = addMember(folder.dir, "司法所", "部门", ["--parts", "measures.2", "--fields-of", "司法所"]);
    await start();
    const a = connect(drafter);
    const d = connect(department);
    await Promise.all([a.synced, d.synced]);
    let seenByOthers = false;
    a.doc.on("update", () => {
      if (bodyText(a.doc).includes("越权") || a.doc.getMap<{ value: string | null }>(FIELDS_MAP).get(other!)?.value === "999")
        seenByOthers = true;
    });
    const otherBefore = a.doc.getMap<{ value: string | null }>(FIELDS_MAP).get(other!)?.value;

    typeInto(d.doc, "measures", 2, "本部门补充。");
    setFieldValue(d.doc, own!, "4321");
    await converged(a, d);
    expect(bodyText(a.doc)).toContain("本部门补充。");
    expect(a.doc.getMap<{ value: string }>(FIELDS_MAP).get(own!)?.value).toBe("4321");
    expect(rejected(d)).toEqual([]);

    typeInto(d.doc, "duty", 0, "越权修改");
    await waitFor(() => rejected(d).length === 1, 10_000, "the refusal");
    await converged(a, d);
    expect(bodyText(d.doc)).not.toContain("越权修改");
    expect(rejected(d)[0]).toMatch(/只能修改分配给本部门的部分.*已撤回/);

    setFieldValue(d.doc, other!, "999");
    await waitFor(() => rejected(d).length === 2, 10_000, "the second refusal");
    await converged(a, d);
    expect(d.doc.getMap<{ value: string | null }>(FIELDS_MAP).get(other!)?.value).toBe(otherBefore);
    expect(rejected(d)[1]).toMatch(/信访办|不属于本部门/);
    expect(seenByOthers).toBe(false);

    await server.close();
    const saved = JSON.stringify((await loadReportFile(folder.path)).report);
    expect(saved).toContain("本部门补充。");
    expect(saved).not.toContain("越权修改");
    expect(logBytes().includes(Buffer.from("越权修改"))).toBe(false);
  });

  test("sign-off goes through the server as the member the token names; an approved report takes no edit from anyone until 修订", async () => {
    // A report with no check errors left (签发 is refused while any remain, as in the app and the CLI).
    await saveReportFile(folder.path, await finishedReport());
    const drafter = addMember(folder.dir, "王小明", "拟稿人");
    const reviewer = addMember(folder.dir, "李科长", "审核人");
    const approver = addMember(folder.dir, "张镇长", "签发人");
    await start();
    const [a, r, s] = [connect(drafter), connect(reviewer), connect(approver)];
    await Promise.all([a.synced, r.synced, s.synced]);
    const done = (c: TeamClient, n: number) =>
      waitFor(
        () => c.messages.filter((m) => m.type === "nianbao.workflow.done" || m.type === "nianbao.error").length >= n,
        10_000,
        "a sign-off answer",
      );

    s.send({ type: "nianbao.workflow", action: "approve", comment: null });
    await done(s, 1);
    expect(s.messages.at(-1)).toMatchObject({ type: "nianbao.error" });
    a.send({ type: "nianbao.workflow", action: "submit", comment: null });
    await done(a, 1);
    r.send({ type: "nianbao.workflow", action: "review", comment: "同意" });
    await done(r, 1);
    s.send({ type: "nianbao.workflow", action: "approve", comment: null });
    await done(s, 2);
    expect(s.messages.at(-1)).toMatchObject({ type: "nianbao.workflow.done", state: "approved" });
    await converged(a, r, s);
    const report = readReportFromYDoc(a.doc);
    expect(report.workflow.events.slice(1).map((e) => [e.action, e.person, e.role])).toEqual([
      ["submit", "王小明", "拟稿人"],
      ["review", "李科长", "审核人"],
      ["approve", "张镇长", "签发人"],
    ]);
    expect(report.meta.issuer).toBe("张镇长");

    typeInto(a.doc, "measures", 1, "签发后改动");
    await waitFor(() => rejected(a).length === 1, 10_000, "the refusal");
    await converged(a, r, s);
    expect(bodyText(a.doc)).not.toContain("签发后改动");
    expect(rejected(a)[0]).toMatch(/内容已冻结/);

    a.send({ type: "nianbao.workflow", action: "revise", comment: null });
    await done(a, 2);
    await converged(a, r, s);
    typeInto(a.doc, "measures", 1, "修订稿改动");
    await converged(a, r, s);
    expect(bodyText(r.doc)).toContain("修订稿改动");
    expect(rejected(a)).toHaveLength(1);
  });

  test("a wrong or revoked token is refused when connecting", async () => {
    addMember(folder.dir, "王小明", "拟稿人");
    const leaver = addMember(folder.dir, "赵干事", "拟稿人");
    expect(runCli(["team-user", "revoke", "赵干事", "--dir", folder.dir]).status).toBe(0);
    await start();
    const wrong = connect("not-a-token");
    await expect(wrong.synced).rejects.toThrow(/authentication failed/);
    const revoked = connect(leaver);
    await expect(revoked.synced).rejects.toThrow(/authentication failed/);
    expect(bodyText(revoked.doc)).toBe("");
  });

  test("opens only report files inside the folder: no link pointing outside it, no team state", async () => {
    const token = addMember(folder.dir, "王小明", "拟稿人");
    const outside = join(root, "outside.nianbao");
    copyFileSync(folder.path, outside);
    symlinkSync(outside, join(folder.dir, "2024", "link.nianbao"));
    await start();
    for (const name of ["2024/link.nianbao", "../outside.nianbao", ".nianbao-team/users.json", "2024/木渎镇.docx"]) {
      const client = connectTeamClient(server.url, name, token);
      clients.push(client);
      await expect(client.synced, name).rejects.toThrow(/authentication failed/);
    }
    const inside = connectTeamClient(server.url, folder.name, token);
    clients.push(inside);
    await inside.synced;
  });

  test("a member who worked offline merges on reconnecting", async () => {
    const [a, b] = await drafterAndReviewer();
    b.socket.disconnect();
    await waitFor(() => b.socket.status === "disconnected", 5_000, "the disconnect");
    typeInto(b.doc, "nextYear", 0, "离线写的安排。");
    setFieldValue(b.doc, fieldIds(b.doc)[3]!, "77");
    typeInto(a.doc, "nextYear", 0, "在线写的安排。");
    await a.acknowledged();
    expect(bodyText(a.doc)).not.toContain("离线写的安排。");
    await b.socket.connect();
    await converged(a, b);
    expect(bodyText(a.doc)).toContain("离线写的安排。");
    expect(bodyText(b.doc)).toContain("在线写的安排。");
  });

  test("with the unit's certificate it serves wss:// to a client that trusts it, and nothing to one that does not", async () => {
    const drafter = addMember(folder.dir, "王小明", "拟稿人");
    const cert = join(root, "cert.pem");
    const key = join(root, "key.pem");
    const made = spawnSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        cert,
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
      ],
      { encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    server = await startTeamServer({ dir: folder.dir, tls: { cert, key }, now: () => new Date().toISOString(), log: () => undefined });
    expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    const trusting = connectTeamClient(server.url, folder.name, drafter, { ca: readFileSync(cert) });
    clients.push(trusting);
    await trusting.synced;
    expect(bodyText(trusting.doc)).toContain("全年工作总体情况如下");
    const wary = connectTeamClient(server.url, folder.name, drafter);
    clients.push(wary);
    await new Promise((r) => setTimeout(r, 1000));
    expect(wary.provider.isSynced).toBe(false);
  });
});
