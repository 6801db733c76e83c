import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Dispatch } from "../../core/rpc/dispatcher";
import { fail } from "../../core/rpc/envelope";
import { MAX_REPORT_FILE_BYTES } from "../storage/report-file";
import { CONTENT_SECURITY_POLICY } from "./content-security-policy";
import { checkRequest, type GuardVerdict } from "./request-guard";
import { readStaticFile } from "./static-files";

export interface HttpHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer); null serves only the API. */
  rendererDir: string | null;
  port?: number;
  /** Tests pass a fixed token; otherwise a fresh random one per launch. */
  token?: string;
}

export interface HttpHost {
  port: number;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  url: string;
  /**
   * An address for another program to open (xdg-open, open, start): a one-time code, valid once
   * and for two minutes, that the host answers with a redirect to `url`. The token itself never
   * appears on another process's command line, where other users of the machine can read it.
   */
  oneTimeUrl: () => string;
  close: () => Promise<void>;
}

const RPC_PATH = /^\/rpc\/([A-Za-z][A-Za-z0-9]{0,63})$/;
const OPEN_PATH = /^\/open\/([A-Za-z0-9_-]{22,64})$/;
const ONE_TIME_CODE_MS = 2 * 60 * 1000;
/**
 * Request bodies held in memory at once, over all connections: a few saves or uploads in flight
 * (each at most REPORT_LIMITS.fileBytes), not a dozen 63 MB requests (1.1 GB).
 */
const MAX_BODY_BYTES_IN_FLIGHT = 2 * MAX_REPORT_FILE_BYTES;
/** On every response, errors included: no browser guesses a type the host did not send. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const BASE_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "cache-control": "no-store" } as const;

/** Browser mode's front door: node:http on 127.0.0.1 only, serving POST /rpc/:method and the renderer. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString("base64url");
  let port = 0;
  const state: HostState = { codes: new Map(), bodyBytesInFlight: 0 };
  const server: Server = createServer((req, res) => {
    handle(req, res, port, token, options, state).catch((error: unknown) => {
      const en = error instanceof Error ? error.message : String(error);
      sendJson(res, 500, fail("internal", `内部错误：${en}`, `internal error: ${en}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    oneTimeUrl: () => {
      const code = randomBytes(24).toString("base64url");
      state.codes.set(code, Date.now() + ONE_TIME_CODE_MS);
      return `http://127.0.0.1:${port}/open/${code}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface HostState {
  /** One-time codes for oneTimeUrl, with when each expires. */
  codes: Map<string, number>;
  bodyBytesInFlight: number;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  token: string,
  options: HttpHostOptions,
  state: HostState,
): Promise<void> {
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  const rpc = RPC_PATH.exec(path);
  const isApi = path.startsWith("/rpc/");
  const verdict = checkRequest(req.headers, port, token, isApi);
  if (!verdict.ok) return refuse(res, verdict);
  if (isApi) {
    if (req.method !== "POST" || rpc === null) {
      return sendJson(res, 405, fail("unknown_method", "不支持的请求。", "only POST /rpc/:method is supported"));
    }
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      return sendJson(res, 415, fail("invalid_input", "请求须为 JSON。", "request body must be JSON"));
    }
    const body = await readBody(req, MAX_REPORT_FILE_BYTES, state);
    if (body === "busy")
      return sendJson(res, 503, fail("io_error", "正在处理其他较大的请求，请稍后再试。", "too many large requests at once; try again"));
    if (body === null)
      return sendJson(
        res,
        413,
        fail("file_too_large", `请求过大（上限 ${MAX_REPORT_FILE_BYTES / 1048576} MB）。`, "request body too large"),
      );
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString("utf8"));
    } catch {
      return sendJson(res, 400, fail("invalid_input", "请求不是有效的 JSON。", "request body is not valid JSON"));
    }
    return sendJson(res, 200, await options.dispatch(rpc[1] ?? "", payload));
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...BASE_HEADERS, "content-type": "text/plain; charset=utf-8" }).end("不支持的请求 / method not allowed");
    return;
  }
  const open = OPEN_PATH.exec(path);
  if (open !== null) {
    const code = open[1] ?? "";
    const expires = state.codes.get(code);
    state.codes.delete(code);
    if (expires === undefined || expires < Date.now()) {
      res
        .writeHead(404, { ...BASE_HEADERS, "content-type": "text/plain; charset=utf-8" })
        .end("此链接已用过或已过期，请打开启动年报时输出的地址。/ This link was used or has expired; open the address Nianbao printed.");
      return;
    }
    // The fragment is the renderer's to read; browsers keep it across the redirect and never send it back.
    res.writeHead(303, { ...BASE_HEADERS, location: `/#token=${token}` }).end();
    return;
  }
  const file = options.rendererDir === null ? null : await readStaticFile(options.rendererDir, path);
  if (file === null) return notFound(res);
  // A reload (or the next start) then takes the bundle from the browser's cache, with the code V8
  // compiled for it the last time, instead of fetching and compiling a megabyte of script again.
  const caching = file.immutable ? { "cache-control": IMMUTABLE } : {};
  res.writeHead(200, { ...BASE_HEADERS, ...caching, "content-type": file.type, "content-security-policy": CONTENT_SECURITY_POLICY });
  res.end(req.method === "HEAD" ? undefined : file.body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...BASE_HEADERS, "content-type": "text/plain; charset=utf-8" }).end("未找到 / not found");
}

function refuse(res: ServerResponse, verdict: Extract<GuardVerdict, { ok: false }>): void {
  const envelope =
    verdict.status === 401
      ? fail("unauthorized", "未授权：请使用启动时给出的完整地址打开年报。", `unauthorized: ${verdict.reason}`)
      : fail("forbidden", "拒绝访问：只接受本机年报页面的请求。", `forbidden: ${verdict.reason}`);
  sendJson(res, verdict.status, envelope);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...BASE_HEADERS, "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** The body, null beyond `limit`, "busy" when the host already holds its share of bodies in memory. */
async function readBody(req: IncomingMessage, limit: number, state: HostState): Promise<Buffer | null | "busy"> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buf = chunk as Buffer;
      size += buf.length;
      state.bodyBytesInFlight += buf.length;
      if (size > limit) return null;
      if (state.bodyBytesInFlight > MAX_BODY_BYTES_IN_FLIGHT) return "busy";
      chunks.push(buf);
    }
    return Buffer.concat(chunks);
  } finally {
    state.bodyBytesInFlight -= size;
  }
}
