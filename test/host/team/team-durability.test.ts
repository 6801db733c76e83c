import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { afterEach, beforeEach, expect, test } from "vitest";
import { loadReportFile } from "../../../host/storage/report-file";
import {
  addMember,
  bodyText,
  connectTeamClient,
  setFieldValue,
  startTeamServerProcess,
  teamFolder,
  typeInto,
  waitFor,
  type TeamClient,
  type TeamServerProcess,
} from "../../support/team";

/* The team server as the unit runs it (`nianbao team-server`, separate processes): crashes and Redis. */

let root: string;
let folder: ReturnType<typeof teamFolder>;
const servers: TeamServerProcess[] = [];
const clients: TeamClient[] = [];
let redis: ChildProcess | null = null;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-team-"));
  folder = teamFolder(root);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.stop();
  redis?.kill("SIGKILL");
  redis = null;
  rmSync(root, { recursive: true, force: true });
});

async function serve(extra: string[] = []): Promise<TeamServerProcess> {
  const server = await startTeamServerProcess(folder.dir, extra);
  servers.push(server);
  return server;
}

function connect(server: TeamServerProcess, token: string): TeamClient {
  const client = connectTeamClient(server.url, folder.name, token);
  clients.push(client);
  return client;
}

test("a server killed with SIGKILL during a burst of edits keeps every edit a client saw acknowledged", async () => {
  const token = addMember(folder.dir, "王小明", "拟稿人");
  const first = await serve();
  const writer = connect(first, token);
  await writer.synced;
  let typed = 0;
  let acknowledged = 0;
  writer.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (number === 0) acknowledged = typed;
  });
  const burst = (async () => {
    while (first.child.exitCode === null && first.child.signalCode === null) {
      typeInto(writer.doc, "measures", 1, `〔${typed}〕`);
      typed += 1;
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  await waitFor(() => acknowledged >= 50, 20_000, "50 acknowledged edits");
  await first.kill();
  await burst;
  const sawAcknowledged = acknowledged;
  writer.close();
  expect(sawAcknowledged).toBeGreaterThanOrEqual(50);

  const second = await serve();
  const reader = connect(second, token);
  await reader.synced;
  const text = bodyText(reader.doc);
  const missing = Array.from({ length: sawAcknowledged }, (_, i) => i).filter((i) => !text.includes(`〔${i}〕`));
  expect(missing).toEqual([]);
  reader.close();
  await second.stop();
  const saved = JSON.stringify((await loadReportFile(folder.path)).report.body);
  expect(Array.from({ length: sawAcknowledged }, (_, i) => i).filter((i) => !saved.includes(`〔${i}〕`))).toEqual([]);
}, 90_000);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startRedis(): Promise<string> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  redis = child;
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start (bash .ci/run installs it):\n${output}`)), 10_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("error", (error) => reject(new Error(`redis-server could not be started (bash .ci/run installs it): ${error.message}`)));
  });
  return `redis://127.0.0.1:${port}`;
}

test("two server processes sharing Redis and four clients, two on each, converge", async () => {
  const url = await startRedis();
  const tokens = ["王小明", "李科长", "刘干事", "陈主任"].map((name, i) => addMember(folder.dir, name, i === 1 ? "审核人" : "拟稿人"));
  const one = await serve(["--redis", url]);
  const two = await serve(["--redis", url]);
  const members = tokens.map((token, i) => connect(i % 2 === 0 ? one : two, token));
  await Promise.all(members.map((m) => m.synced));
  const fieldIds = [...members[0]!.doc.getMap("fields").keys()].slice(0, 4);
  for (let round = 0; round < 10; round += 1) {
    members.forEach((member, i) => typeInto(member.doc, "measures", 1, `〈${i}-${round}〉`));
  }
  members.forEach((member, i) => setFieldValue(member.doc, fieldIds[i]!, String(100 + i)));
  await Promise.all(members.map((m) => m.acknowledged()));
  await waitFor(
    () => members.every((m) => Y.equalSnapshots(Y.snapshot(m.doc), Y.snapshot(members[0]!.doc))),
    20_000,
    "four clients to converge",
  );
  const text = bodyText(members[3]!.doc);
  // Each server made the document from the file on its own: it must still be there once, not twice.
  expect(text.split("全年工作总体情况如下").length - 1).toBe(1);
  for (let i = 0; i < 4; i += 1) for (let round = 0; round < 10; round += 1) expect(text).toContain(`〈${i}-${round}〉`);
  members.forEach((_, i) => expect(members[0]!.doc.getMap<{ value: string }>("fields").get(fieldIds[i]!)?.value).toBe(String(100 + i)));
  for (const member of clients.splice(0)) member.close();
  for (const server of servers.splice(0)) await server.stop();
  const saved = JSON.stringify((await loadReportFile(folder.path)).report.body);
  for (let i = 0; i < 4; i += 1) expect(saved).toContain(`〈${i}-9〉`);
}, 90_000);
