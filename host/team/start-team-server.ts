import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { Redis } from "@hocuspocus/extension-redis";
import { Hocuspocus, type Connection, type Document, type Extension } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { AUTHORS_MAP, readReportFromYDoc, writeReportDetailsToYDoc } from "../../core/collab/report-ydoc";
import { ClientMessage, type ServerMessage } from "../../core/collab/team-messages";
import { TeamIdentity } from "../../core/collab/team-user";
import { NianbaoError, toErrorEnvelope } from "../../core/errors/nianbao-error";
import { applyEdit } from "../../core/edits/apply-edit";
import { loadTemplate } from "../templates/template-store";
import { createPathGuard } from "../services/path-guard";
import { reportPathOf, TeamDocument } from "./team-document";
import { findByToken, readTeamUsers } from "./team-users";
import { UpdateGuard } from "./update-guard";

export interface TeamServerOptions {
  dir: string;
  port?: number;
  /** Loopback unless the unit asks for its network. */
  host?: string;
  /** redis://host:port: several servers share documents through it. */
  redis?: string;
  tls?: { cert: string; key: string };
  now: () => string;
  log: (line: string) => void;
  /** Milliseconds after the last change before the .nianbao is written (the update log keeps every change meanwhile). */
  saveDelay?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

const SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
const SERVER = Symbol("the team server");

/** The Yjs update a client message carries, if it carries one. */
function updateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== SYNC) return null;
  const kind = decoding.readVarUint(decoder);
  return kind === SYNC_STEP_2 || kind === SYNC_UPDATE ? decoding.readVarUint8Array(decoder) : null;
}

function identityOf(context: unknown): TeamIdentity {
  const user = TeamIdentity.safeParse(typeof context === "object" && context !== null && "user" in context ? context.user : undefined);
  if (!user.success) throw new NianbaoError("forbidden", "未登录。", "not authenticated");
  return user.data;
}

function send(connection: Connection, message: ServerMessage): void {
  connection.sendStateless(JSON.stringify(message));
}

/**
 * `nianbao team-server`: the reports of one folder as Hocuspocus documents. Every member
 * authenticates with their token, every update is checked against their rights before it reaches
 * anyone, every acknowledged update is on disk, and the .nianbao files stay what the single-user
 * app opens.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const documents = new Map<string, { team: TeamDocument; guard: UpdateGuard }>();
  const extensions: Extension[] = [];
  if (options.redis !== undefined) {
    const url = new URL(options.redis);
    extensions.push(new Redis({ host: url.hostname, port: Number(url.port || 6379), prefix: "nianbao" }));
  }
  const guard = await createPathGuard([options.dir]);
  const hocuspocus = new Hocuspocus({
    name: "nianbao-team",
    quiet: true,
    debounce: options.saveDelay ?? 1000,
    maxDebounce: 10_000,
    extensions,
    async onAuthenticate({ token, documentName }) {
      const user = findByToken(await readTeamUsers(options.dir), token);
      if (user === null) throw new Error("口令无效或已撤销 / the token is wrong or was revoked");
      // Refuse a bad name here, where the client is told why, before anything is loaded.
      await reportPathOf(guard, options.dir, documentName);
      const identity: TeamIdentity = { name: user.name, role: user.role, parts: user.parts, fieldsOf: user.fieldsOf };
      return { user: identity };
    },
    async onLoadDocument({ document, documentName }) {
      const team = new TeamDocument(options.dir, documentName, await reportPathOf(guard, options.dir, documentName), document, options.now);
      try {
        const unsaved = await team.load();
        documents.set(documentName, { team, guard: new UpdateGuard(document) });
        if (unsaved) await team.save();
      } catch (error) {
        team.close();
        options.log(`无法打开 ${documentName}：${toErrorEnvelope(error).zh}`);
        throw error;
      }
    },
    async connected({ connection, context }) {
      send(connection, { type: "nianbao.welcome", user: identityOf(context) });
    },
    async beforeHandleMessage({ connection, document, documentName, update: message, context }) {
      const update = updateOf(message);
      if (update === null) return;
      const open = documents.get(documentName);
      if (open === undefined) throw new NianbaoError("internal", "文档未打开。", "document not open");
      const user = identityOf(context);
      const verdict = open.guard.check(update, user);
      if (verdict.allowed) {
        recordAuthors(document, update, user.name);
        return;
      }
      // Everyone, the sender included, gets the refused change together with its undoing.
      Y.applyUpdate(document, verdict.compensation, SERVER);
      send(connection, { type: "nianbao.rejected", zh: verdict.error.zh, en: verdict.error.message });
    },
    async onStateless({ connection, document, payload }) {
      await handleClientMessage(connection, document, payload, options);
    },
    async onStoreDocument({ documentName }) {
      const open = documents.get(documentName);
      if (open === undefined) return;
      try {
        await open.team.save();
      } catch (error) {
        options.log(`保存 ${documentName} 失败：${toErrorEnvelope(error).zh}`);
        throw error;
      }
    },
    async afterUnloadDocument({ documentName }) {
      const open = documents.get(documentName);
      documents.delete(documentName);
      open?.guard.destroy();
      open?.team.close();
    },
  });

  const server: HttpServer =
    options.tls === undefined
      ? createHttpServer()
      : createHttpsServer({ cert: readFileSync(options.tls.cert), key: readFileSync(options.tls.key) });
  server.on("request", (_request, response) => {
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    response.end("年报团队服务器 / Nianbao team server\n");
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on("upgrade", (request: IncomingMessage, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (ws) => {
      ws.on("error", (error) => options.log(`连接出错：${error.message}`));
      hocuspocus.handleConnection(ws, request);
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls === undefined ? "ws" : "wss";
  const url = `${scheme}://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    close: async () => {
      // No new connections; closing the last connection of a document stores and unloads it
      // (Hocuspocus runs the pending store at once): wait for that, then save what is still open.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      hocuspocus.closeConnections();
      const started = Date.now();
      while (documents.size > 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
      await Promise.all([...documents.values()].map((open) => open.team.save().catch(() => undefined)));
      for (const ws of sockets.clients) ws.terminate();
      server.closeAllConnections();
      await closed;
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      for (const ext of extensions) await ext.onDestroy?.({ instance: hocuspocus });
    },
  };
}

/** Names the writers of an accepted update's items, once per Yjs client id. */
function recordAuthors(document: Document, update: Uint8Array, name: string): void {
  const authors = document.getMap<string>(AUTHORS_MAP);
  const fresh = [...Y.parseUpdateMeta(update).to.keys()].filter((client) => authors.get(String(client)) !== name);
  if (fresh.length === 0) return;
  document.transact(() => {
    for (const client of fresh) authors.set(String(client), name);
  }, SERVER);
}

async function handleClientMessage(connection: Connection, document: Document, payload: string, options: TeamServerOptions): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    json = null;
  }
  const parsed = ClientMessage.safeParse(json);
  if (!parsed.success) {
    send(connection, { type: "nianbao.error", zh: "无法识别的请求。", en: "unrecognised request" });
    return;
  }
  const message = parsed.data;
  try {
    const user = identityOf(connection.context);
    if (user.role === "部门") {
      throw new NianbaoError("forbidden", "部门成员不办理签核。", "department members take no part in the sign-off");
    }
    const report = readReportFromYDoc(document);
    // The same use cases as the app's 签发 panel and `nianbao workflow`: 签发 is refused while check errors remain.
    const edit =
      message.type === "nianbao.workflow"
        ? ({ type: "workflow", request: { action: message.action, person: user.name, role: user.role, comment: message.comment } } as const)
        : ({ type: "workflowSettings", distinctPeople: message.on } as const);
    const next = applyEdit(report, edit, { now: options.now, template: await loadTemplate(report.template.id) });
    writeReportDetailsToYDoc(document, next, SERVER);
    send(connection, {
      type: "nianbao.workflow.done",
      action: message.type === "nianbao.workflow" ? message.action : null,
      state: next.workflow.state,
    });
  } catch (error) {
    const envelope = toErrorEnvelope(error);
    send(connection, { type: "nianbao.error", zh: envelope.zh, en: envelope.en });
  }
}
