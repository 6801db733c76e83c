import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export const TOKEN_HEADER = "x-nianbao-token";

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * Host and Origin must name this very listener (no DNS rebinding, no other local page); RPC
 * also needs the per-launch token, which only the URL the host printed or opened carries.
 */
export function checkRequest(headers: IncomingHttpHeaders, port: number, token: string, needsToken: boolean): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (headers.host === undefined || !allowedHosts.includes(headers.host)) {
    return { ok: false, status: 403, reason: "foreign host" };
  }
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: "foreign origin" };
  }
  if (needsToken && !sameToken(headers[TOKEN_HEADER], token)) {
    return { ok: false, status: 401, reason: "missing or wrong token" };
  }
  return { ok: true };
}

function sameToken(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== "string") return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
