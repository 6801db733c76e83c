import type { Transport } from "../../core/rpc/client";
import { HttpPostReply, type HttpPostRequest } from "../../core/rpc/http-post";
import { currentBridge } from "./bridge";

const TOKEN_KEY = "nianbao.token";

/**
 * Browser mode gets its token in the URL fragment (never sent to servers, never in a Referer);
 * it moves to sessionStorage so a reload of the same tab keeps working and the address bar
 * stops showing it.
 */
export function takeBrowserToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, "", window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** From this size on a request body is sent by a worker (a recovery copy of a long report is ~0.5 MB). */
const OFF_THREAD_CHARS = 64 * 1024;

export function httpTransport(origin: string, token: string): Transport {
  return async (name, payload) => {
    const url = `${origin}/rpc/${encodeURIComponent(name)}`;
    const body = JSON.stringify(payload ?? {});
    if (body.length >= OFF_THREAD_CHARS) {
      const text = await postOffThread({ url, token, body });
      if (text !== null) return JSON.parse(text) as unknown;
    }
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-nianbao-token": token },
      body,
    });
    return response.json() as Promise<unknown>;
  };
}

type Pending = { resolve: (text: string | null) => void; reject: (error: Error) => void };
let poster: { post: (request: Omit<HttpPostRequest, "id">) => Promise<string | null> } | null = null;

/**
 * The reply's text, or null when no worker can send it (none in this environment, or it failed to
 * load) and the caller sends it itself. A request the worker sent and that failed rejects, as
 * fetch would: it is not sent twice.
 */
function postOffThread(request: Omit<HttpPostRequest, "id">): Promise<string | null> {
  if (poster === null) {
    if (typeof Worker !== "function") return Promise.resolve(null);
    let worker: Worker;
    try {
      worker = new Worker(new URL("../workers/http-post.worker.ts", import.meta.url), { type: "module", name: "http-post" });
    } catch {
      return Promise.resolve(null);
    }
    const pending = new Map<number, Pending>();
    let nextId = 0;
    let broken = false;
    const giveUp = () => {
      broken = true;
      worker.terminate();
      for (const waiting of pending.values()) waiting.resolve(null);
      pending.clear();
    };
    worker.addEventListener("error", giveUp);
    worker.addEventListener("messageerror", giveUp);
    worker.addEventListener("message", (event: MessageEvent<unknown>) => {
      const reply = HttpPostReply.safeParse(event.data);
      if (!reply.success || reply.data.id === null) return giveUp();
      const waiting = pending.get(reply.data.id);
      pending.delete(reply.data.id);
      if (reply.data.ok) waiting?.resolve(reply.data.body);
      else waiting?.reject(new Error(reply.data.message));
    });
    poster = {
      post: (next) => {
        if (broken) return Promise.resolve(null);
        const id = nextId++;
        return new Promise((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, ...next } satisfies HttpPostRequest);
        });
      },
    };
  }
  return poster.post(request);
}

/** The one place that knows which platform the renderer runs on. */
export function platformTransport(): Transport | null {
  const bridge = currentBridge();
  if (bridge !== null) return (name, payload) => bridge.invoke(name, payload);
  const token = takeBrowserToken();
  return token === null ? null : httpTransport(window.location.origin, token);
}
