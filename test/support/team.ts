import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { BODY_FRAGMENT, FIELDS_MAP } from "../../core/collab/report-ydoc";
import { ServerMessage, type ClientMessage } from "../../core/collab/team-messages";
import { runCli } from "./run-cli";
import { FIXTURE_MARKDOWN } from "./report-from-markdown";
import { repoRoot } from "./template";

/** A team folder with last year's published report rolled forward into `2024/木渎镇.nianbao`. */
export function teamFolder(root: string): { dir: string; name: string; path: string } {
  const dir = join(root, "team");
  mkdirSync(join(dir, "2024"), { recursive: true });
  const name = "2024/木渎镇.nianbao";
  const path = join(dir, name);
  const made = runCli(["import", FIXTURE_MARKDOWN, "--roll-forward", "-o", path]);
  if (made.status !== 0) throw new Error(made.stderr);
  return { dir, name, path };
}

/** `nianbao team-user add`, returning the token (its output's last line). */
export function addMember(dir: string, name: string, role: string, extra: string[] = []): string {
  const result = runCli(["team-user", "add", name, "--dir", dir, "--role", role, ...extra]);
  if (result.status !== 0) throw new Error(result.stderr);
  const token = result.stdout.trim().split("\n").at(-1);
  if (token === undefined) throw new Error("no token printed");
  return token;
}

export interface TeamClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  messages: ServerMessage[];
  authFailure: () => string | null;
  /** Resolves once the first sync with the server is done. */
  synced: Promise<void>;
  /** Resolves once the server has acknowledged every local change made so far. */
  acknowledged: () => Promise<void>;
  send: (message: ClientMessage) => void;
  close: () => void;
}

/** A member's editor as Yjs sees it: a Node client on Hocuspocus's own provider. */
export function connectTeamClient(url: string, name: string, token: string, options: { ca?: Buffer } = {}): TeamClient {
  const doc = new Y.Doc();
  const { ca } = options;
  // A client that trusts the unit's own certificate (wss:// with --cert/--key).
  const Socket =
    ca === undefined
      ? WebSocket
      : class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { ca });
          }
        };
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket, delay: 50, minDelay: 50, maxDelay: 500 });
  const messages: ServerMessage[] = [];
  let failure: string | null = null;
  let resolveSynced: () => void = () => undefined;
  let rejectSynced: (error: Error) => void = () => undefined;
  const synced = new Promise<void>((resolve, reject) => {
    resolveSynced = resolve;
    rejectSynced = reject;
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onSynced: ({ state }) => {
      if (state) resolveSynced();
    },
    onStateless: ({ payload }) => {
      const parsed = ServerMessage.safeParse(JSON.parse(payload));
      if (parsed.success) messages.push(parsed.data);
    },
    onAuthenticationFailed: ({ reason }) => {
      failure = reason;
      rejectSynced(new Error(`authentication failed: ${reason}`));
    },
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    messages,
    authFailure: () => failure,
    synced,
    acknowledged: () => waitFor(() => provider.unsyncedChanges === 0 && provider.isSynced, 20_000, "changes acknowledged"),
    send: (message) => provider.sendStateless(JSON.stringify(message)),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function waitFor(condition: () => boolean, timeout: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The body's blocks of one part, as a member's editor holds them. */
export function partBlocks(doc: Y.Doc, partId: string): Y.XmlElement[] {
  for (const top of doc.getXmlFragment(BODY_FRAGMENT).toArray()) {
    if (top instanceof Y.XmlElement && top.nodeName === "part" && top.getAttribute("partId") === partId) {
      return top.toArray().filter((b): b is Y.XmlElement => b instanceof Y.XmlElement);
    }
  }
  throw new Error(`no part ${partId}`);
}

/** Types `text` at the start of the first body paragraph after the `subsection`-th level-2 heading (0: before any). */
export function typeInto(doc: Y.Doc, partId: string, subsection: number, text: string, at = 0): void {
  let seen = 0;
  for (const block of partBlocks(doc, partId)) {
    if (block.nodeName === "heading" && (block.getAttribute("level") as unknown) === 2) seen += 1;
    if (seen === subsection && block.nodeName === "paragraph") {
      const run = block.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
      if (run === undefined) continue;
      run.insert(Math.min(at, run.length), text);
      return;
    }
  }
  throw new Error(`no paragraph in ${partId}.${subsection}`);
}

export function bodyText(doc: Y.Doc): string {
  return doc.getXmlFragment(BODY_FRAGMENT).toString();
}

export function setFieldValue(doc: Y.Doc, id: string, value: string): void {
  const fields = doc.getMap<Record<string, unknown>>(FIELDS_MAP);
  const field = fields.get(id);
  if (field === undefined) throw new Error(`no field ${id}`);
  fields.set(id, { ...field, value });
}

export interface TeamServerProcess {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}

/** `nianbao team-server` as the unit starts it. */
export async function startTeamServerProcess(dir: string, extra: string[] = []): Promise<TeamServerProcess> {
  const child = spawn(process.execPath, [join(repoRoot, "bin/nianbao.cjs"), "team-server", "--dir", dir, "--port", "0", ...extra], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`team-server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /wss?:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`team-server exited with ${String(code)}:\n${output}`)));
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return { url, child, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}
