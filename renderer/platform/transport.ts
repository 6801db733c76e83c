import type { Transport } from "../../core/rpc/client";
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

export function httpTransport(origin: string, token: string): Transport {
  return async (name, payload) => {
    const response = await fetch(`${origin}/rpc/${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-nianbao-token": token },
      body: JSON.stringify(payload ?? {}),
    });
    return response.json() as Promise<unknown>;
  };
}

/** The one place that knows which platform the renderer runs on. */
export function platformTransport(): Transport | null {
  const bridge = currentBridge();
  if (bridge !== null) return (name, payload) => bridge.invoke(name, payload);
  const token = takeBrowserToken();
  return token === null ? null : httpTransport(window.location.origin, token);
}
