import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { BODY_FRAGMENT } from "../core/collab/report-ydoc";
import { saveReportFile } from "../host/storage/report-file";
import { loadTemplate } from "../host/templates/template-store";
import { addMember, bodyText, connectTeamClient, startTeamServerProcess, type TeamClient } from "../test/support/team";
import { hundredPageReport } from "./support/hundred-page-report";

/*
 * 30 members type into the 100-page report for 60 s through one `nianbao team-server` process on
 * loopback (Node Yjs clients on Hocuspocus's provider, not browsers). Each member types into its
 * own paragraph, 4–6 keys a second; each key is a token naming member and number. A 31st client
 * only watches: the time from a key's update leaving its member to the token arriving in the
 * watcher's document is the propagation time. At the end every token a member saw acknowledged
 * must be in a fresh client's document and in the saved .nianbao.
 */
const MEMBERS = Number(process.env["NIANBAO_TEAM_MEMBERS"] ?? 30);
const SECONDS = Number(process.env["NIANBAO_TEAM_SECONDS"] ?? 60);
const TOKEN = /‹(\d+)-(\d+)›/gu;

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** The paragraph of the body a member types into: member i takes the i-th paragraph of 《主要举措和成效》. */
function paragraphOf(doc: Y.Doc, member: number): Y.XmlText {
  const parts = doc
    .getXmlFragment(BODY_FRAGMENT)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "part");
  const paragraphs = parts.flatMap((p) =>
    p.toArray().filter((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.nodeName === "paragraph"),
  );
  const text = paragraphs[member * 3]?.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  if (text === undefined) throw new Error(`no paragraph for member ${member}`);
  return text;
}

export async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "nianbao-team-bench-"));
  const dir = join(root, "team");
  mkdirSync(join(dir, "2024"), { recursive: true });
  const name = "2024/县区百页.nianbao";
  const path = join(dir, name);
  await saveReportFile(path, hundredPageReport(await loadTemplate("fazhi-zhengfu-niandu-baogao")));
  const tokens = Array.from({ length: MEMBERS + 1 }, (_, i) => addMember(dir, `成员${i}`, "拟稿人"));
  const server = await startTeamServerProcess(dir);
  const load = loadavg().map((l) => l.toFixed(2));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const members: TeamClient[] = [];
  try {
    const watcher = connectTeamClient(server.url, name, tokens[MEMBERS]!);
    await watcher.synced;
    watcher.doc.getXmlFragment(BODY_FRAGMENT).observeDeep((events) => {
      const now = performance.now();
      for (const event of events) {
        for (const change of event.delta) {
          if (typeof change.insert !== "string") continue;
          for (const match of change.insert.matchAll(TOKEN)) {
            const sent = sentAt.get(match[0]);
            if (sent !== undefined) latencies.push(now - sent);
          }
        }
      }
    });
    for (let i = 0; i < MEMBERS; i += 1) members.push(connectTeamClient(server.url, name, tokens[i]!));
    await Promise.all(members.map((m) => m.synced));
    const typed = members.map(() => 0);
    const acknowledged = members.map(() => 0);
    members.forEach((m, i) =>
      m.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        if (number === 0) acknowledged[i] = typed[i]!;
      }),
    );
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      members.map(async (member, i) => {
        const paragraph = paragraphOf(member.doc, i);
        while (performance.now() < until) {
          await new Promise((r) => setTimeout(r, 160 + Math.random() * 90));
          const token = `‹${i}-${typed[i]}›`;
          sentAt.set(token, performance.now());
          paragraph.insert(0, token);
          typed[i]! += 1;
        }
      }),
    );
    await Promise.all(members.map((m) => m.acknowledged()));
    const memory = memoryOf(server.child.pid!);
    const check = connectTeamClient(server.url, name, tokens[MEMBERS]!);
    await check.synced;
    const text = bodyText(check.doc);
    // Every key a member saw acknowledged.
    const acknowledgedKeys = members.flatMap((_, i) => Array.from({ length: acknowledged[i]! }, (_, n) => `‹${i}-${n}›`));
    const lost = acknowledgedKeys.filter((t) => !text.includes(t));
    check.close();
    watcher.close();
    for (const m of members) m.close();
    await server.stop();
    const saved = readFileSync(path, "utf8");
    const lostInFile = acknowledgedKeys.filter((t) => !saved.includes(t));
    latencies.sort((a, b) => a - b);
    const edits = typed.reduce((a, b) => a + b, 0);
    const rows: [string, string, string][] = [
      ["members typing / watching", `${MEMBERS} / 1`, ""],
      ["duration", `${SECONDS} s`, ""],
      ["edits made (acknowledged)", `${edits} (${acknowledged.reduce((a, b) => a + b, 0)})`, ""],
      ["edits lost (document / .nianbao)", `${lost.length} / ${lostInFile.length}`, lost.length + lostInFile.length === 0 ? "0 ✓" : "0 ✗"],
      ["edit → another member's view, p50", `${percentile(latencies, 50).toFixed(1)} ms`, ""],
      [
        "edit → another member's view, p95",
        `${percentile(latencies, 95).toFixed(1)} ms`,
        percentile(latencies, 95) < 200 ? "< 200 ms ✓" : "< 200 ms ✗",
      ],
      ["edit → another member's view, p99 / max", `${percentile(latencies, 99).toFixed(1)} / ${latencies.at(-1)?.toFixed(1)} ms`, ""],
      ["server memory after the run (RSS / peak)", `${memory.rss.toFixed(0)} / ${memory.hwm.toFixed(0)} MB`, ""],
    ];
    console.log(`\nTeam server under load — ${cpus().length} cores, load average at start ${load.join(" ")}\n`);
    console.log("| measure | result | target |\n| --- | ---: | --- |");
    for (const [measure, result, target] of rows) console.log(`| ${measure} | ${result} | ${target} |`);
  } finally {
    for (const m of members) m.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
